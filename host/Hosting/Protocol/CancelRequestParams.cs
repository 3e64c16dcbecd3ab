using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>$/cancelRequest</c> params (LSP): the id of the request to cancel.</summary>
internal sealed class CancelRequestParams
{
    [JsonPropertyName("id")]
    public required RequestId Id { get; init; }
}
