using System.Net;
using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Maps a SingleSendMail answer to the result or to Logto's errors exactly like the official connector (contract §2.6):
/// 2xx <c>{EnvId, RequestId}</c> → result; other 2xx → <c>invalid_response</c>; non-2xx Aliyun error JSON → <c>general</c>;
/// non-2xx non-JSON → <c>invalid_response {message: body}</c>; non-2xx other JSON → <c>invalid_response</c>.
/// Error shape: https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis
/// </summary>
internal static class SingleSendMailResponseReader
{
    /// <summary>Raw bodies quoted back in error data are cut here (a proxy's HTML error page can be large).</summary>
    public const int MaxQuotedBody = 4096;

    public static JsonElement Read(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (!TryParse(body, out var json))
        {
            // connector-kit parseJson: the raw body becomes the error data, wrapped as {message}.
            throw new ConnectorException(ConnectorErrorCode.InvalidResponse, Quote(body));
        }

        if (code is >= 200 and <= 299)
        {
            if (TryGetString(json, "EnvId", out var envId) && TryGetString(json, "RequestId", out var requestId))
            {
                return JsonSerializer.SerializeToElement(
                    new SingleSendMailResult(envId, requestId), AliyunDirectMailJsonContext.Default.SingleSendMailResult);
            }

            throw new ConnectorException(
                ConnectorErrorCode.InvalidResponse,
                $"Aliyun Direct Mail answered HTTP {code} without the string members EnvId and RequestId.");
        }

        if (TryReadError(json, out var error))
        {
            throw new ConnectorException(
                ConnectorErrorCode.General,
                JsonSerializer.SerializeToNode(error, AliyunDirectMailJsonContext.Default.AliyunErrorData));
        }

        throw new ConnectorException(
            ConnectorErrorCode.InvalidResponse,
            $"Aliyun Direct Mail answered HTTP {code} with JSON that is not an Aliyun error (string Code and Message).");
    }

    // The official guard: Code and Message strings; RequestId, HostId, Recommend optional strings (null is a mismatch).
    private static bool TryReadError(JsonElement json, out AliyunErrorData error)
    {
        error = null!;
        if (!TryGetString(json, "Code", out var code) || !TryGetString(json, "Message", out var message)
            || !TryGetOptionalString(json, "RequestId", out var requestId)
            || !TryGetOptionalString(json, "HostId", out var hostId)
            || !TryGetOptionalString(json, "Recommend", out var recommend))
        {
            return false;
        }

        error = new AliyunErrorData(message, code, requestId, hostId, recommend);
        return true;
    }

    private static bool TryParse(string body, out JsonElement json)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            json = default;
            return false;
        }
    }

    private static bool TryGetString(JsonElement json, string name, out string value)
    {
        value = string.Empty;
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String)
        {
            value = member.GetString()!;
            return true;
        }

        return false;
    }

    private static bool TryGetOptionalString(JsonElement json, string name, out string? value)
    {
        value = null;
        if (!json.TryGetProperty(name, out var member))
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = member.GetString();
        return true;
    }

    private static string Quote(string body) => body.Length <= MaxQuotedBody ? body : body[..MaxQuotedBody] + "…";
}
