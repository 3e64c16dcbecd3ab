using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>
/// Body of <c>POST /_sandbox/fault</c>: <c>{"kind":"Throttling","count":1,"delayMs":0}</c>; count and delayMs are optional.
/// </summary>
internal sealed record FaultRequest
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("delayMs")]
    public int? DelayMs { get; init; }
}
