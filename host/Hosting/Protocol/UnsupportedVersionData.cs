using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>data</c> of the -32602 answered to an unsupported <c>protocolVersion</c>.</summary>
internal sealed class UnsupportedVersionData
{
    [JsonPropertyName("param")]
    public string Param { get; init; } = "protocolVersion";

    [JsonPropertyName("supported")]
    public required IReadOnlyList<string> Supported { get; init; }

    [JsonPropertyName("requested")]
    public required string Requested { get; init; }
}
