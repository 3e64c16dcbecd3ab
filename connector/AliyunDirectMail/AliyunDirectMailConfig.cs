using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Logto.Connector.Aliyun;
using NJsonSchema.Annotations;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The connector's config as Logto stores it per tenant. The committed JSON Schema
/// (schema/aliyun-direct-mail.config.schema.json) is generated from this type by a test; the attributes carry what the
/// schema says, and the form annotations (schema/README.md) say how each field renders in Logto's config form:
/// <c>[Display(Name)]</c> → title, <c>[Display(Prompt)]</c> → <c>x-placeholder</c>, <c>[DataType(Password)]</c> →
/// <c>writeOnly</c> (a masked field), <c>x-tooltip</c> verbatim.
/// Property order is the form's order.
/// </summary>
[Description("Config of the Aliyun Direct Mail connector (SingleSendMail). Keys the schema does not name are allowed and ignored.")]
public sealed record AliyunDirectMailConfig
{
    [JsonPropertyName("accessKeyId")]
    [Display(Name = "Access Key ID", Prompt = "<access-key-id>")]
    [JsonSchemaExtensionData("x-tooltip", "The AccessKey ID of a RAM user that may send mail with Direct Mail.")]
    public required string AccessKeyId { get; init; }

    [JsonPropertyName("accessKeySecret")]
    [Display(Name = "Access Key Secret", Prompt = "<access-key-secret>")]
    [DataType(DataType.Password)]
    [JsonSchemaExtensionData("x-tooltip", "Masked in the form. The connector never logs it and never puts it in an error.")]
    public required string AccessKeySecret { get; init; }

    // The allowed values and their titles are DirectMailEndpoints.Regions, which the schema's generator reads.
    [JsonPropertyName("regionId")]
    [Display(Name = "Region", Description = "Select the Direct Mail region where the sender address is configured.")]
    [DefaultValue(DirectMailEndpoints.DefaultRegionId)]
    public string? RegionId { get; init; }

    /// <summary>A custom endpoint URL (VPC / internal endpoint, or the local sandbox); wins over <see cref="RegionId"/>.</summary>
    [JsonPropertyName("endpoint")]
    [Display(
        Name = "Custom endpoint",
        Prompt = "https://dm-vpc.cn-hangzhou.aliyuncs.com/",
        Description = AliyunEndpoint.Description)]
    [Url]
    [RegularExpression(AliyunEndpoint.Pattern)]
    public string? Endpoint { get; init; }

    [JsonPropertyName("accountName")]
    [Display(Name = "Account Name", Prompt = "<account-name>")]
    [JsonSchemaExtensionData(
        "x-tooltip", "A sender address verified in the Direct Mail console of the selected region, e.g. noreply@mail.example.com.")]
    public required string AccountName { get; init; }

    [JsonPropertyName("fromAlias")]
    [Display(Name = "From Alias", Prompt = "<from-alias>")]
    [JsonSchemaExtensionData("x-tooltip", "The sender name recipients see. An i18n email template's sendFrom wins over it.")]
    public string? FromAlias { get; init; }

    [JsonPropertyName("templates")]
    [Display(
        Name = "Templates",
        Description = "One template per usage type; Register, SignIn, ForgotPassword and Generic are required, other usage types " +
            "fall back to Generic. Logto's i18n email templates win over these.")]
    [JsonSchemaExtensionData(
        "x-tooltip", "content is HTML and may use {{code}}, {{link}} and payload values such as {{application.name}}.")]
    public required IReadOnlyList<TemplateConfig> Templates { get; init; }

    /// <summary>HTML-escape payload values rendered into an HTML body (default). <c>false</c> gives Logto's raw behaviour.</summary>
    [JsonPropertyName("escapeHtml")]
    [Display(
        Name = "Escape HTML",
        Description = "HTML-escape payload values substituted into an HTML body; off = Logto's raw behaviour.")]
    [DefaultValue(true)]
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
    [property: JsonPropertyName("usageType")]
    [property: Display(Name = "Usage type")]
    string UsageType,
    [property: JsonPropertyName("subject")]
    [property: Display(Name = "Subject")]
    string Subject,
    [property: JsonPropertyName("content")]
    [property: Display(Name = "Content", Description = "HTML body.")]
    string Content);
