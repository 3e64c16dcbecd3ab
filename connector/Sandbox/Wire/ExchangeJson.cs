using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>A <see cref="SandboxExchange"/> as served by <c>GET /_sandbox/exchanges</c>.</summary>
internal sealed record ExchangeJson
{
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    [JsonPropertyName("status")]
    public required int? Status { get; init; }

    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    [JsonPropertyName("action")]
    public required string? Action { get; init; }

    public static ExchangeJson From(SandboxExchange exchange) =>
        new() { Outcome = exchange.Outcome, Status = exchange.Status, At = exchange.At, Action = exchange.Action };
}
