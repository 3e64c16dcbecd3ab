using Logto.Connector.AliyunSandbox.Control;
using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Outbox;
using Logto.Connector.AliyunSandbox.Rpc;

namespace Logto.Connector.AliyunSandbox;

/// <summary>Aliyun's APIs at <c>/</c>, the control API under <c>/_sandbox/</c>, 404 elsewhere.</summary>
internal sealed class SandboxRouter(RpcGateway gateway, ControlEndpoint control, ExchangeLog exchanges) : IHttpRequestHandler
{
    public ValueTask<SandboxHttpResponse?> HandleAsync(
        SandboxHttpRequest request, IClientConnection connection, CancellationToken cancellationToken)
    {
        if (request.Path == "/")
        {
            return gateway.HandleAsync(request, connection, cancellationToken);
        }

        var response = request.Path.StartsWith(ControlEndpoint.Prefix, StringComparison.Ordinal)
            ? control.Handle(request)
            : SandboxHttpResponse.Text(404, "Not Found: Direct Mail and SMS are served at / and the sandbox API under /_sandbox/.");
        return ValueTask.FromResult<SandboxHttpResponse?>(response);
    }

    public SandboxHttpResponse OnProtocolError(MalformedRequestException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        exchanges.Add("rejected:Http" + error.Status, error.Status);
        return SandboxHttpResponse.Text(error.Status, error.Message);
    }
}
