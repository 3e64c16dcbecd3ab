namespace Logto.ConnectorHost.Dispatch;

internal enum JsonRpcMessageKind
{
    Request,
    Notification,

    /// <summary>A response from the client; the host sends no requests, so it is ignored.</summary>
    Response,

    /// <summary>Not a valid JSON-RPC 2.0 message: answered with -32600.</summary>
    Invalid,
}
