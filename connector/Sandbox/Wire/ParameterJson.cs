using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>One received parameter, kept as a pair so that order and duplicates survive.</summary>
internal sealed record ParameterJson
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}
