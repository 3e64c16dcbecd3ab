using Logto.Connector.AliyunDirectMail.Sandbox.Control;
using Logto.Connector.AliyunDirectMail.Sandbox.DirectMail;
using Logto.Connector.AliyunDirectMail.Sandbox.Http;
using Logto.Connector.AliyunDirectMail.Sandbox.Outbox;

namespace Logto.Connector.AliyunDirectMail.Sandbox;

/// <summary>Direct Mail at <c>/</c>, the control API under <c>/_sandbox/</c>, 404 elsewhere.</summary>
internal sealed class SandboxRouter(DirectMailEndpoint directMail, ControlEndpoint control, ExchangeLog exchanges) : IHttpRequestHandler
{
    public ValueTask<SandboxHttpResponse?> HandleAsync(
        SandboxHttpRequest request, IClientConnection connection, CancellationToken cancellationToken)
    {
        if (request.Path == "/")
        {
            return directMail.HandleAsync(request, connection, cancellationToken);
        }

        var response = request.Path.StartsWith(ControlEndpoint.Prefix, StringComparison.Ordinal)
            ? control.Handle(request)
            : SandboxHttpResponse.Text(404, "Not Found: Direct Mail is served at / and the sandbox API under /_sandbox/.");
        return ValueTask.FromResult<SandboxHttpResponse?>(response);
    }

    public SandboxHttpResponse OnProtocolError(MalformedRequestException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        exchanges.Add("rejected:Http" + error.Status, error.Status);
        return SandboxHttpResponse.Text(error.Status, error.Message);
    }
}
