using System.Globalization;
using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Outbox;
using Logto.Connector.AliyunSandbox.Rpc;
using Logto.Connector.AliyunSandbox.Wire;

namespace Logto.Connector.AliyunSandbox.Sms;

/// <summary>
/// SMS's SendSms (Dysmsapi 2017-05-25): answers <c>{"Message":"OK","RequestId","Code":"OK","BizId"}</c>.
/// https://help.aliyun.com/en/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
/// </summary>
internal sealed class SendSmsApi(SandboxOutbox<SandboxSms> outbox, TimeProvider timeProvider) : IRpcApi
{
    // Shaped like Aliyun's, e.g. 900619746936498440^0: 18 digits, unique within a run and increasing across runs.
    private long lastBizId = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 100_000;

    public string Action => "SendSms";

    public string Version => "2017-05-25";

    public string Product => "Dysmsapi";

    public AliyunError? Validate(RequestParameters parameters) => SendSmsValidator.Validate(parameters);

    public AcceptedRequest Accept(RequestParameters parameters, string requestId)
    {
        var sms = new SandboxSms(
            BizId: NewId(),
            RequestId: requestId,
            AccessKeyId: parameters["AccessKeyId"]!,
            PhoneNumbers: parameters["PhoneNumbers"]!,
            SignName: parameters["SignName"]!,
            TemplateCode: parameters["TemplateCode"]!,
            TemplateParam: parameters["TemplateParam"],
            Parameters: parameters.All,
            RawBody: parameters.RawBody,
            ReceivedAt: timeProvider.GetUtcNow());
        outbox.Add(sms);
        return new AcceptedRequest(sms.BizId, SendSmsValidator.NumberCount(sms.PhoneNumbers));
    }

    public SandboxHttpResponse Success(AliyunAnswer answer, string id, string requestId) => answer.Success(
        new SendSmsResult { Message = "OK", RequestId = requestId, Code = "OK", BizId = id },
        SandboxJsonContext.Output.SendSmsResult,
        requestId,
        ("Message", "OK"), ("RequestId", requestId), ("Code", "OK"), ("BizId", id));

    public string NewId() => Interlocked.Increment(ref lastBizId).ToString(CultureInfo.InvariantCulture) + "^0";
}
