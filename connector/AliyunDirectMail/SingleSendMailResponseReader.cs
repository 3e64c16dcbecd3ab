using System.Text.Json;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Maps a SingleSendMail answer to the result or to Logto's errors like the official connector: 2xx <c>{EnvId, RequestId}</c>
/// → result; other 2xx → <c>invalid_response</c>; non-2xx Aliyun error JSON → <c>general</c> with Aliyun's data; anything
/// else → <c>invalid_response</c>, whose data says what was wrong but never quotes the body.
/// Error shape: https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis
/// </summary>
internal static class SingleSendMailResponseReader
{
    private const string Product = "Aliyun Direct Mail";

    public static AliyunAnswer Read(int status, string body)
    {
        if (!AliyunJson.TryParse(body, out var json))
        {
            return AliyunAnswer.Unreadable(Product, status, "a body that is not JSON");
        }

        if (status is >= 200 and <= 299)
        {
            return AliyunJson.TryGetString(json, "EnvId", out var envId) && AliyunJson.TryGetString(json, "RequestId", out var requestId)
                ? AliyunAnswer.Success(
                    JsonSerializer.SerializeToElement(
                        new SingleSendMailResult(envId, requestId), AliyunDirectMailJsonContext.Default.SingleSendMailResult),
                    requestId)
                : AliyunAnswer.Unreadable(Product, status, "JSON without the string members EnvId and RequestId");
        }

        // The official guard: Code and Message strings; RequestId, HostId, Recommend optional strings (null is a mismatch).
        if (AliyunJson.TryGetString(json, "Code", out var code) && AliyunJson.TryGetString(json, "Message", out var message)
            && AliyunJson.TryGetOptionalString(json, "RequestId", out var errorRequestId)
            && AliyunJson.TryGetOptionalString(json, "HostId", out var hostId)
            && AliyunJson.TryGetOptionalString(json, "Recommend", out var recommend))
        {
            var error = new AliyunErrorData(message, code, errorRequestId, hostId, recommend);
            return AliyunAnswer.Failure(error.ToException(ConnectorErrorCode.General), code, errorRequestId);
        }

        return AliyunAnswer.Unreadable(Product, status, "JSON that is not an Aliyun error (string Code and Message)");
    }
}
