using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>data</c> of a -32000: Logto's <c>ConnectorErrorCodes</c> value and the error's (redacted) data.</summary>
internal sealed class ConnectorErrorData
{
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }
}
