using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>initialize</c> params: the protocol version the client speaks and, optionally, who it is.</summary>
internal sealed class InitializeParams
{
    [JsonPropertyName("protocolVersion")]
    public required string ProtocolVersion { get; init; }

    [JsonPropertyName("client")]
    public ClientInfo? Client { get; init; }
}
