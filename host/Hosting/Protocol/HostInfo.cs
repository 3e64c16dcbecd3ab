using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>The host's name and version, answered by <c>initialize</c>.</summary>
internal sealed class HostInfo
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("version")]
    public required string Version { get; init; }
}
