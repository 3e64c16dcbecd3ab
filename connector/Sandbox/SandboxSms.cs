namespace Logto.Connector.AliyunSandbox;

/// <summary>One SendSms call the sandbox accepted (answered <c>"Code":"OK"</c> with a BizId).</summary>
/// <param name="PhoneNumbers">As received: one number, or several comma-separated.</param>
/// <param name="TemplateParam">The JSON text as received (null when the request had none), so tests can compare it byte for byte.</param>
/// <param name="Parameters">Every query then form parameter as received, in order, decoded.</param>
/// <param name="RawBody">The raw form body as received (empty for GET).</param>
public sealed record SandboxSms(
    string BizId,
    string RequestId,
    string AccessKeyId,
    string PhoneNumbers,
    string SignName,
    string TemplateCode,
    string? TemplateParam,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string RawBody,
    DateTimeOffset ReceivedAt);
