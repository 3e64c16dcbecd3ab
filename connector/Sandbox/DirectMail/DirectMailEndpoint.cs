using System.Globalization;
using Logto.Connector.AliyunDirectMail.Sandbox.Http;
using Logto.Connector.AliyunDirectMail.Sandbox.Outbox;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunDirectMail.Sandbox.DirectMail;

/// <summary>
/// Direct Mail at <c>/</c>: injects the fault in force, else authenticates, validates and accepts a SingleSendMail call.
/// A faulted or dropped request never reaches the outbox; a delayed one is processed normally once the delay is over.
/// </summary>
internal sealed class DirectMailEndpoint(
    RequestAuthenticator authenticator,
    FaultSwitch faults,
    SandboxOutbox outbox,
    ExchangeLog exchanges,
    TimeProvider timeProvider,
    ILogger logger)
{
    // Digits only and 16 long, like Aliyun's EnvIds; unique within a run and increasing across runs.
    private long _lastEnvId = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public async ValueTask<SandboxHttpResponse?> HandleAsync(
        SandboxHttpRequest request, IClientConnection connection, CancellationToken cancellationToken)
    {
        var parameters = RequestParameters.From(request);
        var answer = AliyunAnswer.For(parameters, request);
        var fault = faults.Take();
        if (fault is { Kind: SandboxFaultKind.Delay })
        {
            if (!await connection.DelayWhileConnectedAsync(fault.Delay, timeProvider, cancellationToken).ConfigureAwait(false))
            {
                exchanges.Add("dropped", null);
                SandboxLog.Dropped(logger);
                return null;
            }
        }
        else if (fault is not null)
        {
            return Faulted(fault.Kind, answer);
        }

        var error = request.Method is "GET" or "POST"
            ? authenticator.Authenticate(request.Method, parameters) ?? SingleSendMailValidator.Validate(parameters)
            : AliyunError.UnsupportedHttpMethod;
        var requestId = AliyunAnswer.NewRequestId();
        if (error is not null)
        {
            exchanges.Add("rejected:" + error.Code, error.Status);
            SandboxLog.Rejected(logger, error.Code, error.Status);
            return answer.Error(error, requestId);
        }

        var message = Accept(parameters, requestId);
        exchanges.Add("accepted", 200);
        var recipients = SingleSendMailValidator.RecipientCount(message.ToAddress);
        SandboxLog.Accepted(logger, message.EnvId, recipients, requestId);
        return answer.Success(message.EnvId, requestId);
    }

    private SandboxMessage Accept(RequestParameters parameters, string requestId)
    {
        var message = new SandboxMessage(
            EnvId: Interlocked.Increment(ref _lastEnvId).ToString(CultureInfo.InvariantCulture),
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
        try
        {
            outbox.Add(message);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The files are a convenience: the in-memory outbox stays the record of what was accepted.
            SandboxLog.OutboxWriteFailed(logger, message.EnvId, error);
            outbox.Add(message, writeFiles: false);
        }

        return message;
    }

    private SandboxHttpResponse Faulted(SandboxFaultKind kind, AliyunAnswer answer)
    {
        SandboxLog.Faulted(logger, kind);
        var response = kind switch
        {
            SandboxFaultKind.Throttling => answer.Error(AliyunError.Throttling, AliyunAnswer.NewRequestId()),
            SandboxFaultKind.InternalError => answer.Error(AliyunError.InternalError, AliyunAnswer.NewRequestId()),
            SandboxFaultKind.ServiceUnavailable => SandboxHttpResponse.Text(503, "Service Unavailable"),
            SandboxFaultKind.MalformedSuccess => new SandboxHttpResponse(200, "application/json;charset=utf-8", """{"unexpected":true}"""u8.ToArray()),
            SandboxFaultKind.ResetMidResponse =>
                answer.Success(Interlocked.Increment(ref _lastEnvId).ToString(CultureInfo.InvariantCulture), AliyunAnswer.NewRequestId())
                    with { ResetAfterPartialBody = true },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        exchanges.Add("fault:" + kind, response.ResetAfterPartialBody ? null : response.Status);
        return response;
    }
}
