using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>The client's name and version, logged at start-up.</summary>
internal sealed class ClientInfo
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("version")]
    public required string Version { get; init; }
}
