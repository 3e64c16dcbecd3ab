using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox;

/// <summary>Everything the sandbox logs. Ids and codes only: no parameter values, bodies or secrets.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Aliyun sandbox (Direct Mail, SMS) listening on {Endpoint}")]
    public static partial void Started(ILogger logger, Uri endpoint);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Information,
        Message = "Accepted {Action} {Id} ({RecipientCount} recipient(s)) as request {RequestId}")]
    public static partial void Accepted(ILogger logger, string action, string id, int recipientCount, string requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rejected a request ({Action}): {Code} (HTTP {Status})")]
    public static partial void Rejected(ILogger logger, string action, string code, int status);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Injected fault {Kind}")]
    public static partial void Faulted(ILogger logger, SandboxFaultKind kind);

    [LoggerMessage(
        EventId = 5,
        Level = LogLevel.Information,
        Message = "The client went away during a delayed answer; recorded as dropped")]
    public static partial void Dropped(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Fault set to {Kind} for {Count} request(s), delay {Delay}")]
    public static partial void FaultSet(ILogger logger, SandboxFaultKind kind, int count, TimeSpan delay);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "A sandbox connection failed")]
    public static partial void ConnectionFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Could not write {Id} to the outbox directory")]
    public static partial void OutboxWriteFailed(ILogger logger, string id, Exception error);
}
