using System.Globalization;
using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Outbox;
using Logto.Connector.AliyunSandbox.Rpc;
using Logto.Connector.AliyunSandbox.Wire;

namespace Logto.Connector.AliyunSandbox.DirectMail;

/// <summary>
/// Direct Mail's SingleSendMail (2015-11-23): answers <c>{"EnvId","RequestId"}</c>.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/api-dm-2015-11-23-singlesendmail
/// </summary>
internal sealed class SingleSendMailApi(SandboxOutbox<SandboxMessage> outbox, TimeProvider timeProvider) : IRpcApi
{
    // Digits only and 16 long, like Aliyun's EnvIds; unique within a run and increasing across runs.
    private long lastEnvId = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public string Action => "SingleSendMail";

    public string Version => "2015-11-23";

    public string Product => "Dm";

    public AliyunError? Validate(RequestParameters parameters) => SingleSendMailValidator.Validate(parameters);

    public AcceptedRequest Accept(RequestParameters parameters, string requestId)
    {
        var message = new SandboxMessage(
            EnvId: NewId(),
            RequestId: requestId,
            AccessKeyId: parameters["AccessKeyId"]!,
            AccountName: parameters["AccountName"]!,
            ToAddress: parameters["ToAddress"]!,
            FromAlias: parameters["FromAlias"],
            Subject: parameters["Subject"]!,
            HtmlBody: parameters["HtmlBody"],
            TextBody: parameters["TextBody"],
            RegionId: parameters["RegionId"],
            Parameters: parameters.All,
            RawBody: parameters.RawBody,
            ReceivedAt: timeProvider.GetUtcNow());
        outbox.Add(message);
        return new AcceptedRequest(message.EnvId, SingleSendMailValidator.RecipientCount(message.ToAddress));
    }

    public SandboxHttpResponse Success(AliyunAnswer answer, string id, string requestId) => answer.Success(
        new SingleSendMailResult { EnvId = id, RequestId = requestId },
        SandboxJsonContext.Output.SingleSendMailResult,
        requestId,
        ("RequestId", requestId), ("EnvId", id));

    public string NewId() => Interlocked.Increment(ref lastEnvId).ToString(CultureInfo.InvariantCulture);
}
