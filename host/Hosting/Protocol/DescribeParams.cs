using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>describe</c> params: which connector (optional when one is served).</summary>
internal sealed class DescribeParams
{
    [JsonPropertyName("connectorId")]
    public string? ConnectorId { get; init; }
}
