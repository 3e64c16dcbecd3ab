namespace Logto.ConnectorHost.Protocol;

/// <summary>The error codes the host answers with (documented in schema/protocol.openrpc.json).</summary>
public static class JsonRpcErrorCodes
{
    /// <summary>The frame's body is not JSON (or the frame itself is malformed / truncated).</summary>
    public const int ParseError = -32700;

    /// <summary>Not a JSON-RPC 2.0 request (missing <c>"jsonrpc":"2.0"</c>, bad id, empty batch, frame over the size limit).</summary>
    public const int InvalidRequest = -32600;

    public const int MethodNotFound = -32601;

    /// <summary>Bad params (<c>data.param</c> names which), unknown connector id, unsupported protocol version.</summary>
    public const int InvalidParams = -32602;

    /// <summary>A bug in the host or a connector; the message is always the generic "Internal error".</summary>
    public const int InternalError = -32603;

    /// <summary>A connector failure (<c>ConnectorException</c>): <c>data = {code: Logto's ConnectorErrorCodes value, data}</c>.</summary>
    public const int ConnectorError = -32000;

    /// <summary>
    /// The request's params would take the params held by requests in flight over the host's budget
    /// (<c>--max-inflight-bytes</c>): refused at once, nothing run; <c>data = {maxInflightBytes, inflightBytes, paramsBytes}</c>.
    /// Retrying once requests in flight have finished may succeed.
    /// </summary>
    public const int Overloaded = -32001;

    /// <summary>
    /// A request other than <c>initialize</c> or <c>ping</c> before a successful <c>initialize</c> (LSP's
    /// ServerNotInitialized).
    /// </summary>
    public const int NotInitialized = -32002;

    /// <summary>The request was cancelled by <c>$/cancelRequest</c> or by the host shutting down (LSP's RequestCancelled).</summary>
    public const int RequestCancelled = -32800;
}
