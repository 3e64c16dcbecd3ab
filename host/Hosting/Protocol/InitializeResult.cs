using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>initialize</c> result: the agreed version, the host, and every connector it serves.</summary>
internal sealed class InitializeResult
{
    [JsonPropertyName("protocolVersion")]
    public required string ProtocolVersion { get; init; }

    [JsonPropertyName("host")]
    public required HostInfo Host { get; init; }

    [JsonPropertyName("connectors")]
    public required IReadOnlyList<ConnectorInfo> Connectors { get; init; }
}
