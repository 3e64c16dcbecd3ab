using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunSms;

/// <summary>
/// Maps a SendSms answer to the result or to Logto's errors like the official connector: the body must be JSON with string
/// <c>Code</c>, <c>Message</c>, <c>RequestId</c> and optionally <c>BizId</c> (else <c>invalid_response</c>, whose data never
/// quotes the body); on 2xx <c>Code</c> <c>OK</c> → <c>{Code, Message, BizId?, RequestId}</c>,
/// <c>isv.BUSINESS_LIMIT_CONTROL</c> → <c>rate_limit_exceeded</c>, any other code → <c>general</c>; on other statuses →
/// <c>general</c>. Error data keeps the official key order: <c>{errorDescription: Message, Code, BizId?, RequestId}</c> on
/// 2xx, <c>{errorDescription, BizId?, Code, RequestId}</c> otherwise (zod's shape order after the spread).
/// </summary>
internal static class SendSmsResponseReader
{
    private const string Product = "Aliyun SMS";

    public static AliyunAnswer Read(int status, string body)
    {
        if (!AliyunJson.TryParse(body, out var json))
        {
            return AliyunAnswer.Unreadable(Product, status, "a body that is not JSON");
        }

        if (!AliyunJson.TryGetString(json, "Code", out var code)
            || !AliyunJson.TryGetString(json, "Message", out var message)
            || !AliyunJson.TryGetString(json, "RequestId", out var requestId)
            || !AliyunJson.TryGetOptionalString(json, "BizId", out var bizId))
        {
            return AliyunAnswer.Unreadable(Product, status, "JSON without the string members Code, Message and RequestId");
        }

        var success = status is >= 200 and <= 299;
        if (success && code == "OK")
        {
            var result = new JsonObject { ["Code"] = code, ["Message"] = message };
            AddIfPresent(result, "BizId", bizId);
            result["RequestId"] = requestId;
            return AliyunAnswer.Success(JsonSerializer.SerializeToElement(result, AliyunSmsJsonContext.Default.JsonObject), requestId);
        }

        var data = new JsonObject { ["errorDescription"] = message };
        if (success)
        {
            data["Code"] = code;
            AddIfPresent(data, "BizId", bizId);
        }
        else
        {
            AddIfPresent(data, "BizId", bizId);
            data["Code"] = code;
        }

        data["RequestId"] = requestId;
        // Per-number flow control (1/min, 5/h, 10/day by default) is something the end user can wait out: Logto's 429.
        var errorCode = success && code == "isv.BUSINESS_LIMIT_CONTROL" ? ConnectorErrorCode.RateLimitExceeded : ConnectorErrorCode.General;
        return AliyunAnswer.Failure(new ConnectorException(errorCode, data), code, requestId);
    }

    private static void AddIfPresent(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
