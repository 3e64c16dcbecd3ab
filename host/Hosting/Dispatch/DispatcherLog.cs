using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>The dispatcher's log lines. Bodies, params and config are never logged; ids and method names are.</summary>
internal static partial class DispatcherLog
{
    [LoggerMessage(1, LogLevel.Information, "Input ended; finishing {Count} request(s) in flight")]
    public static partial void InputEnded(this ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Information, "Stopping; finishing {Count} request(s) in flight")]
    public static partial void Stopping(this ILogger logger, int count);

    [LoggerMessage(3, LogLevel.Warning, "Skipped a {FrameBytes}-byte frame over the {MaxFrameBytes}-byte limit")]
    public static partial void FrameTooLarge(this ILogger logger, long frameBytes, long maxFrameBytes);

    [LoggerMessage(4, LogLevel.Warning, "Malformed frame: {Problem}")]
    public static partial void MalformedFrame(this ILogger logger, string problem);

    [LoggerMessage(5, LogLevel.Warning, "A frame's body is not valid JSON")]
    public static partial void BodyNotJson(this ILogger logger);

    [LoggerMessage(6, LogLevel.Warning, "Invalid request: {Problem}")]
    public static partial void InvalidRequest(this ILogger logger, string problem);

    [LoggerMessage(7, LogLevel.Debug, "{Method} {Id} answered {Outcome} in {ElapsedMs:0.0} ms")]
    public static partial void Answered(this ILogger logger, string method, string id, string outcome, double elapsedMs);

    [LoggerMessage(8, LogLevel.Error, "{Method} {Id} failed in the host with {ExceptionType}: {StackTrace}")]
    public static partial void HostBug(this ILogger logger, string method, string id, string exceptionType, string? stackTrace);

    [LoggerMessage(9, LogLevel.Debug, "Cancellation requested for {Id} ({Found})")]
    public static partial void CancelRequested(this ILogger logger, string id, bool found);

    [LoggerMessage(10, LogLevel.Error, "The output stream no longer accepts frames ({ExceptionType}); stopping")]
    public static partial void OutputBroken(this ILogger logger, string exceptionType);

    [LoggerMessage(11, LogLevel.Warning, "{Count} request(s) still running after the {GraceMs} ms grace period; cancelling them")]
    public static partial void GraceExpired(this ILogger logger, int count, double graceMs);

    [LoggerMessage(15, LogLevel.Warning, "{Count} request(s) in flight cancelled without the grace period: the parent process is gone")]
    public static partial void Abandoned(this ILogger logger, int count);

    [LoggerMessage(12, LogLevel.Warning, "{Count} request(s) ignored cancellation; answered -32800 on their behalf")]
    public static partial void AnsweredOnBehalf(this ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Debug, "Ignored notification {Method}")]
    public static partial void IgnoredNotification(this ILogger logger, string method);

    [LoggerMessage(
        16,
        LogLevel.Warning,
        "Refused {Id}: its {ParamsBytes} bytes of params would take the requests in flight ({InflightBytes} bytes) "
            + "over the {MaxInflightBytes}-byte budget")]
    public static partial void OverBudget(this ILogger logger, string id, long paramsBytes, long inflightBytes, long maxInflightBytes);

    [LoggerMessage(14, LogLevel.Debug, "Ignored a response from the client (the host sends no requests)")]
    public static partial void IgnoredResponse(this ILogger logger);
}
