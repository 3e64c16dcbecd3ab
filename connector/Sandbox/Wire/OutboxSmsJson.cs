using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>A <see cref="SandboxSms"/> as served by <c>GET /_sandbox/sms-outbox</c> and written to <c>&lt;BizId&gt;.sms.json</c>.</summary>
internal sealed record OutboxSmsJson
{
    [JsonPropertyName("bizId")]
    public required string BizId { get; init; }

    [JsonPropertyName("requestId")]
    public required string RequestId { get; init; }

    [JsonPropertyName("accessKeyId")]
    public required string AccessKeyId { get; init; }

    [JsonPropertyName("phoneNumbers")]
    public required string PhoneNumbers { get; init; }

    [JsonPropertyName("signName")]
    public required string SignName { get; init; }

    [JsonPropertyName("templateCode")]
    public required string TemplateCode { get; init; }

    [JsonPropertyName("templateParam")]
    public required string? TemplateParam { get; init; }

    [JsonPropertyName("parameters")]
    public required IReadOnlyList<ParameterJson> Parameters { get; init; }

    [JsonPropertyName("rawBody")]
    public required string RawBody { get; init; }

    [JsonPropertyName("receivedAt")]
    public required DateTimeOffset ReceivedAt { get; init; }

    public static OutboxSmsJson From(SandboxSms sms) => new()
    {
        BizId = sms.BizId,
        RequestId = sms.RequestId,
        AccessKeyId = sms.AccessKeyId,
        PhoneNumbers = sms.PhoneNumbers,
        SignName = sms.SignName,
        TemplateCode = sms.TemplateCode,
        TemplateParam = sms.TemplateParam,
        Parameters = [.. sms.Parameters.Select(p => new ParameterJson { Name = p.Key, Value = p.Value })],
        RawBody = sms.RawBody,
        ReceivedAt = sms.ReceivedAt,
    };
}
