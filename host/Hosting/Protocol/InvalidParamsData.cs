using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>data</c> of a -32602: the param at fault (a dotted path) and, for connector ids, the ids served.</summary>
internal sealed class InvalidParamsData
{
    [JsonPropertyName("param")]
    public required string Param { get; init; }

    [JsonPropertyName("known")]
    public IReadOnlyList<string>? Known { get; init; }
}
