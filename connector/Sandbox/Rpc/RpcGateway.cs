using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Outbox;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>
/// Aliyun's RPC gateway at <c>/</c>: the fault in force first, then the common checks (<see cref="RequestAuthenticator"/>),
/// then the business checks of the API the <c>Action</c> names, then acceptance into that API's outbox.
/// A faulted or dropped request never reaches an outbox; a delayed one is processed normally once the delay is over.
/// </summary>
internal sealed class RpcGateway(
    IReadOnlyList<IRpcApi> apis,
    RequestAuthenticator authenticator,
    FaultSwitch faults,
    ExchangeLog exchanges,
    TimeProvider timeProvider,
    ILogger logger)
{
    public static IReadOnlyDictionary<string, string> Versions(IEnumerable<IRpcApi> apis) =>
        apis.ToDictionary(api => api.Action, api => api.Version, StringComparer.Ordinal);

    public async ValueTask<SandboxHttpResponse?> HandleAsync(
        SandboxHttpRequest request, IClientConnection connection, CancellationToken cancellationToken)
    {
        var parameters = RequestParameters.From(request);
        var api = apis.FirstOrDefault(candidate => candidate.Action == parameters["Action"]);
        var answer = AliyunAnswer.For(parameters, request, api);
        var fault = faults.Take(kind => kind != SandboxFaultKind.BusinessLimitControl || api is Sms.SendSmsApi);
        if (fault is { Kind: SandboxFaultKind.Delay })
        {
            if (!await connection.DelayWhileConnectedAsync(fault.Delay, timeProvider, cancellationToken).ConfigureAwait(false))
            {
                exchanges.Add("dropped", null, api?.Action);
                SandboxLog.Dropped(logger);
                return null;
            }
        }
        else if (fault is not null)
        {
            return Faulted(fault.Kind, api, answer);
        }

        var error = request.Method is "GET" or "POST"
            ? authenticator.Authenticate(request.Method, parameters) ?? api!.Validate(parameters)
            : AliyunError.UnsupportedHttpMethod;
        var requestId = AliyunAnswer.NewRequestId();
        if (error is not null)
        {
            exchanges.Add("rejected:" + error.Code, error.Status, api?.Action);
            SandboxLog.Rejected(logger, api?.Action ?? "unknown Action", error.Code, error.Status);
            return answer.Error(error, requestId);
        }

        var accepted = api!.Accept(parameters, requestId);
        exchanges.Add("accepted", 200, api.Action);
        SandboxLog.Accepted(logger, api.Action, accepted.Id, accepted.Recipients, requestId);
        return api.Success(answer, accepted.Id, requestId);
    }

    private SandboxHttpResponse Faulted(SandboxFaultKind kind, IRpcApi? api, AliyunAnswer answer)
    {
        SandboxLog.Faulted(logger, kind);
        var response = kind switch
        {
            SandboxFaultKind.Throttling => answer.Error(AliyunError.Throttling, AliyunAnswer.NewRequestId()),
            SandboxFaultKind.InternalError => answer.Error(AliyunError.InternalError, AliyunAnswer.NewRequestId()),
            SandboxFaultKind.BusinessLimitControl => answer.Error(AliyunError.BusinessLimitControl, AliyunAnswer.NewRequestId()),
            SandboxFaultKind.ServiceUnavailable => SandboxHttpResponse.Text(503, "Service Unavailable"),
            SandboxFaultKind.MalformedSuccess =>
                new SandboxHttpResponse(200, "application/json;charset=utf-8", """{"unexpected":true}"""u8.ToArray()),
            SandboxFaultKind.ResetMidResponse => PartialSuccess(api ?? apis[0], answer),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        exchanges.Add("fault:" + kind, response.ResetAfterPartialBody ? null : response.Status, api?.Action);
        return response;
    }

    // A request with an unknown Action gets the first API's success shape: this fault is about the transport, not the request.
    private static SandboxHttpResponse PartialSuccess(IRpcApi api, AliyunAnswer answer) =>
        api.Success(answer, api.NewId(), AliyunAnswer.NewRequestId()) with { ResetAfterPartialBody = true };
}
