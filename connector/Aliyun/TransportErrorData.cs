using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.ConnectorKit;

namespace Logto.Connector.Aliyun;

/// <summary>The <c>general</c> error data for a transport failure; Logto shows "Error occurred in connector: {errorDescription}".</summary>
internal sealed record TransportErrorData([property: JsonPropertyName("errorDescription")] string ErrorDescription)
{
    public static ConnectorException Error(string description) => new(
        ConnectorErrorCode.General,
        JsonSerializer.SerializeToNode(new TransportErrorData(description), AliyunRpcJsonContext.Default.TransportErrorData));
}
