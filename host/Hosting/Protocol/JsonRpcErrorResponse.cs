using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>An error response: <c>{"jsonrpc":"2.0","id":…|null,"error":{code,message,data?}}</c>.</summary>
internal sealed class JsonRpcErrorResponse
{
    [JsonPropertyName("jsonrpc")]
    public string JsonRpc { get; init; } = ProtocolNames.JsonRpcVersion;

    /// <summary><c>null</c> when the request's id could not be read (JSON-RPC 2.0 §5).</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required RequestId? Id { get; init; }

    [JsonPropertyName("error")]
    public required JsonRpcError Error { get; init; }
}
