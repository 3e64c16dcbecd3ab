using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>A <see cref="SandboxMessage"/> as served by <c>GET /_sandbox/outbox</c> and written to <c>&lt;EnvId&gt;.json</c>.</summary>
internal sealed record OutboxMessageJson
{
    [JsonPropertyName("envId")]
    public required string EnvId { get; init; }

    [JsonPropertyName("requestId")]
    public required string RequestId { get; init; }

    [JsonPropertyName("accessKeyId")]
    public required string AccessKeyId { get; init; }

    [JsonPropertyName("accountName")]
    public required string AccountName { get; init; }

    [JsonPropertyName("toAddress")]
    public required string ToAddress { get; init; }

    [JsonPropertyName("fromAlias")]
    public required string? FromAlias { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("htmlBody")]
    public required string? HtmlBody { get; init; }

    [JsonPropertyName("textBody")]
    public required string? TextBody { get; init; }

    [JsonPropertyName("regionId")]
    public required string? RegionId { get; init; }

    [JsonPropertyName("parameters")]
    public required IReadOnlyList<ParameterJson> Parameters { get; init; }

    [JsonPropertyName("rawBody")]
    public required string RawBody { get; init; }

    [JsonPropertyName("receivedAt")]
    public required DateTimeOffset ReceivedAt { get; init; }

    public static OutboxMessageJson From(SandboxMessage message) => new()
    {
        EnvId = message.EnvId,
        RequestId = message.RequestId,
        AccessKeyId = message.AccessKeyId,
        AccountName = message.AccountName,
        ToAddress = message.ToAddress,
        FromAlias = message.FromAlias,
        Subject = message.Subject,
        HtmlBody = message.HtmlBody,
        TextBody = message.TextBody,
        RegionId = message.RegionId,
        Parameters = [.. message.Parameters.Select(p => new ParameterJson { Name = p.Key, Value = p.Value })],
        RawBody = message.RawBody,
        ReceivedAt = message.ReceivedAt,
    };
}
