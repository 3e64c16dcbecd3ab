using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Wire;

namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>
/// Builds answers the way Aliyun shapes them: JSON when <c>Format</c> is JSON (any case), XML otherwise (the documented default),
/// with <c>&lt;Action&gt;Response</c> as the XML root of a result.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/common-parameters (doc 29440)
/// </summary>
/// <param name="product">The product code in an error's Recommend link (Dm, Dysmsapi); null when the Action is unknown.</param>
internal sealed class AliyunAnswer(bool json, string hostId, string action, string? product)
{
    /// <summary>What the newer SDK reads as "retry after this many milliseconds" on a throttled answer.</summary>
    public const string RetryAfterHeader = "x-acs-retry-after";

    public const string RetryAfterMilliseconds = "1000";

    private const string JsonType = "application/json;charset=utf-8";

    // The 1.x SDK parses XML only when the content type is exactly this.
    private const string XmlType = "text/xml;charset=utf-8";

    public static AliyunAnswer For(RequestParameters parameters, SandboxHttpRequest request, IRpcApi? api) => new(
        string.Equals(parameters["Format"], "JSON", StringComparison.OrdinalIgnoreCase),
        request.Header("x-original-host") ?? request.Header("Host") ?? "dm.aliyuncs.com",
        api?.Action ?? "",
        api?.Product);

    public static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    /// <summary>
    /// HTTP 200 with <paramref name="result"/>; <paramref name="xmlFields"/> are the same fields, in the same order, for XML.
    /// </summary>
    public SandboxHttpResponse Success<T>(T result, JsonTypeInfo<T> type, string requestId, params (string Name, string Value)[] xmlFields)
    {
        var body = json ? JsonSerializer.SerializeToUtf8Bytes(result, type) : Xml(action + "Response", xmlFields);
        return new SandboxHttpResponse(200, json ? JsonType : XmlType, body) { Headers = [new("x-acs-request-id", requestId)] };
    }

    public SandboxHttpResponse Error(AliyunError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.IsBusinessRejection)
        {
            return Success(
                new BusinessErrorBody { Message = error.Message, RequestId = requestId, Code = error.Code },
                SandboxJsonContext.Output.BusinessErrorBody,
                requestId,
                ("Message", error.Message), ("RequestId", requestId), ("Code", error.Code));
        }

        var productQuery = product is null ? "" : "&product=" + product;
        var recommend = string.Create(
            CultureInfo.InvariantCulture,
            $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}{productQuery}&requestId={requestId}");
        var body = json
            ? JsonSerializer.SerializeToUtf8Bytes(
                new AliyunErrorBody
                {
                    RequestId = requestId,
                    HostId = hostId,
                    Code = error.Code,
                    Message = error.Message,
                    Recommend = recommend,
                },
                SandboxJsonContext.Output.AliyunErrorBody)
            : Xml("Error", ("RequestId", requestId), ("HostId", hostId), ("Code", error.Code), ("Message", error.Message),
                ("Recommend", recommend));
        List<KeyValuePair<string, string>> headers = [new("x-acs-request-id", requestId)];
        if (error.Code.StartsWith("Throttling", StringComparison.Ordinal))
        {
            headers.Add(new(RetryAfterHeader, RetryAfterMilliseconds));
        }

        return new SandboxHttpResponse(error.Status, json ? JsonType : XmlType, body) { Headers = headers };
    }

    private static byte[] Xml(string root, params (string Name, string Value)[] fields)
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>").Append('<').Append(root).Append('>');
        foreach (var (name, value) in fields)
        {
            xml.Append('<').Append(name).Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append('>');
        }

        return Encoding.UTF8.GetBytes(xml.Append("</").Append(root).Append('>').ToString());
    }
}
