using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.ConnectorKit;

namespace Logto.Connector.Aliyun;

/// <summary>
/// The error data for an Aliyun error answer, as the official connectors build it: <c>{ errorDescription: Message, Code,
/// RequestId, … }</c> with absent members omitted. Direct Mail's gateway errors carry <c>HostId</c> and <c>Recommend</c>;
/// SMS answers carry <c>BizId</c>.
/// </summary>
public sealed record AliyunErrorData(
    [property: JsonPropertyName("errorDescription")] string ErrorDescription,
    [property: JsonPropertyName("Code")] string Code,
    [property: JsonPropertyName("RequestId")] string? RequestId,
    [property: JsonPropertyName("HostId")] string? HostId = null,
    [property: JsonPropertyName("Recommend")] string? Recommend = null,
    [property: JsonPropertyName("BizId")] string? BizId = null)
{
    public ConnectorException ToException(ConnectorErrorCode code) =>
        new(code, JsonSerializer.SerializeToNode(this, AliyunRpcJsonContext.Default.AliyunErrorData));
}
