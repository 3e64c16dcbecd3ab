using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>
/// <c>data</c> of the -32001 answered to a request whose params would take the requests in flight over their byte
/// budget.
/// </summary>
internal sealed class InflightBudgetData
{
    [JsonPropertyName("maxInflightBytes")]
    public required long MaxInflightBytes { get; init; }

    [JsonPropertyName("inflightBytes")]
    public required long InflightBytes { get; init; }

    [JsonPropertyName("paramsBytes")]
    public required long ParamsBytes { get; init; }
}
