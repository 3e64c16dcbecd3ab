using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// The host's error answers, one factory per code. Texts are fixed: no input is echoed except param names and connector
/// ids.
/// </summary>
internal static class RpcErrors
{
    public static JsonRpcError ParseError(string? problem = null) => new()
    {
        Code = JsonRpcErrorCodes.ParseError,
        Message = problem is null ? "Parse error" : "Parse error: " + problem,
    };

    public static JsonRpcError InvalidRequest(string problem) => new()
    {
        Code = JsonRpcErrorCodes.InvalidRequest,
        Message = "Invalid Request: " + problem,
    };

    public static JsonRpcError FrameTooLarge(long maxFrameBytes, long frameBytes) => new()
    {
        Code = JsonRpcErrorCodes.InvalidRequest,
        Message = "Invalid Request: the frame exceeds the size limit",
        Data = JsonSerializer.SerializeToElement(
            new FrameTooLargeData { MaxFrameBytes = maxFrameBytes, FrameBytes = frameBytes },
            HostJsonContext.Wire.FrameTooLargeData),
    };

    public static JsonRpcError Overloaded(long maxInflightBytes, long inflightBytes, long paramsBytes) => new()
    {
        Code = JsonRpcErrorCodes.Overloaded,
        Message = "Overloaded: the requests in flight hold too many bytes of params; retry when some have finished",
        Data = JsonSerializer.SerializeToElement(
            new InflightBudgetData { MaxInflightBytes = maxInflightBytes, InflightBytes = inflightBytes, ParamsBytes = paramsBytes },
            HostJsonContext.Wire.InflightBudgetData),
    };

    public static JsonRpcError MethodNotFound() => new() { Code = JsonRpcErrorCodes.MethodNotFound, Message = "Method not found" };

    public static JsonRpcError NotInitialized() => new()
    {
        Code = JsonRpcErrorCodes.NotInitialized,
        Message = "Not initialized: send 'initialize' first",
    };

    public static JsonRpcError Cancelled(string reason = "Request cancelled") => new()
    {
        Code = JsonRpcErrorCodes.RequestCancelled,
        Message = reason,
    };

    public static JsonRpcError Internal() => new() { Code = JsonRpcErrorCodes.InternalError, Message = "Internal error" };

    public static JsonRpcException InvalidParams(string param, string problem, IReadOnlyList<string>? known = null) => new(
        JsonRpcErrorCodes.InvalidParams,
        $"Invalid params: '{param}' {problem}",
        JsonSerializer.SerializeToElement(new InvalidParamsData { Param = param, Known = known }, HostJsonContext.Wire.InvalidParamsData));

    public static JsonRpcException UnsupportedProtocolVersion(string requested) => new(
        JsonRpcErrorCodes.InvalidParams,
        "Unsupported protocol version",
        JsonSerializer.SerializeToElement(
            new UnsupportedVersionData { Supported = ProtocolNames.SupportedProtocolVersions, Requested = requested },
            HostJsonContext.Wire.UnsupportedVersionData));
}
