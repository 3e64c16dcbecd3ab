using System.ComponentModel;
using System.Text.Json.Serialization;
using NJsonSchema.Annotations;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The connector's config as Logto stores it per tenant. The committed JSON Schema (schema/) is generated from this type;
/// the <c>x-logto-*</c> annotations say how each field renders in Logto's config form.
/// </summary>
public sealed record AliyunDirectMailConfig
{
    [JsonPropertyName("accessKeyId")]
    public required string AccessKeyId { get; init; }

    [JsonPropertyName("accessKeySecret")]
    public required string AccessKeySecret { get; init; }

    [JsonPropertyName("accountName")]
    public required string AccountName { get; init; }

    [JsonPropertyName("fromAlias")]
    public string? FromAlias { get; init; }

    [JsonPropertyName("regionId")]
    public string? RegionId { get; init; }

    /// <summary>A custom endpoint URL (VPC / internal endpoint, or the local sandbox); wins over <see cref="RegionId"/>.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; init; }

    [JsonPropertyName("templates")]
    public required IReadOnlyList<TemplateConfig> Templates { get; init; }

    /// <summary>HTML-escape payload values rendered into an HTML body (default). <c>false</c> gives Logto's raw behaviour.</summary>
    [JsonPropertyName("escapeHtml")]
    public bool? EscapeHtml { get; init; }

    // Records print every property; the secret must never reach a log or an exception message.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", AccessKeySecret = ***, AccountName = ").Append(AccountName)
            .Append(", RegionId = ").Append(RegionId)
            .Append(", Endpoint = ").Append(Endpoint)
            .Append(", Templates = ").Append(Templates.Count);
        return true;
    }
}

/// <summary>One entry of <c>templates</c>: the subject and HTML content for one usage type (<c>{{code}}</c> etc. allowed).</summary>
public sealed record TemplateConfig(
    [property: JsonPropertyName("usageType")] string UsageType,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] string Content);
