using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>A successful response: <c>{"jsonrpc":"2.0","id":…,"result":…}</c>.</summary>
internal sealed class JsonRpcResponse
{
    [JsonPropertyName("jsonrpc")]
    public string JsonRpc { get; init; } = ProtocolNames.JsonRpcVersion;

    [JsonPropertyName("id")]
    public required RequestId Id { get; init; }

    [JsonPropertyName("result")]
    public required JsonElement Result { get; init; }
}
