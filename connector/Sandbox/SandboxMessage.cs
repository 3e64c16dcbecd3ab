namespace Logto.Connector.AliyunSandbox;

/// <summary>One SingleSendMail call the sandbox accepted (answered 200 with an EnvId).</summary>
/// <param name="Parameters">Every query then form parameter as received, in order, decoded.</param>
/// <param name="RawBody">The raw form body as received (empty for GET).</param>
public sealed record SandboxMessage(
    string EnvId,
    string RequestId,
    string AccessKeyId,
    string AccountName,
    string ToAddress,
    string? FromAlias,
    string Subject,
    string? HtmlBody,
    string? TextBody,
    string? RegionId,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string RawBody,
    DateTimeOffset ReceivedAt);
