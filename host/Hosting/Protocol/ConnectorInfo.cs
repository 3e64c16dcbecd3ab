using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>One served connector as <c>initialize</c> describes it (from its <c>ConnectorDescriptor</c>; ConnectorMethods writes it).</summary>
internal sealed class ConnectorInfo
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("metadata")]
    public required JsonElement Metadata { get; init; }

    [JsonPropertyName("configSchema")]
    public required JsonElement ConfigSchema { get; init; }
}
