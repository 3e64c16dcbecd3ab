using Microsoft.Extensions.Logging;

namespace Logto.Connector.Aliyun;

/// <summary>
/// The RPC client's log lines: one line per event, the cause in words, never a stack trace for an expected failure, never the
/// secret; answer bodies only at Trace (they can carry addresses and codes), or cut short when they are unreadable.
/// </summary>
internal static partial class AliyunRpcLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Action} to {Endpoint} (nonce {Nonce}, timestamp {Timestamp})")]
    public static partial void Sending(this ILogger logger, string action, string endpoint, string nonce, string timestamp);

    [LoggerMessage(
        EventId = 2,
        Level = LogLevel.Information,
        Message = "{Action} accepted: HTTP {Status} in {ElapsedMs} ms, RequestId {RequestId}")]
    public static partial void Accepted(this ILogger logger, string action, int status, long elapsedMs, string? requestId);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Warning,
        Message = "{Action} failed with HTTP {Status} in {ElapsedMs} ms: {ErrorCode} (Aliyun code {AliyunCode}, RequestId {RequestId})")]
    public static partial void SendFailed(
        this ILogger logger, string action, int status, long elapsedMs, string errorCode, string? aliyunCode, string? requestId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "{Action} answer body: {Body}")]
    public static partial void AnswerBody(this ILogger logger, string action, string body);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Action} to {Endpoint} failed after {ElapsedMs} ms: {Description}")]
    public static partial void TransportFailed(this ILogger logger, string action, string endpoint, long elapsedMs, string description);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Action} to {Endpoint} cancelled by the caller after {ElapsedMs} ms")]
    public static partial void Cancelled(this ILogger logger, string action, string endpoint, long elapsedMs);

    /// <param name="reason">Why the message was certainly not accepted: the Aliyun throttling code, or "connection refused".</param>
    /// <param name="retryAfter">"x-acs-retry-after N ms", or "no x-acs-retry-after".</param>
    [LoggerMessage(
        EventId = 8,
        Level = LogLevel.Information,
        Message = "Attempt {Attempt} of {MaxAttempts} was not accepted ({Reason}, {RetryAfter}); retrying in {DelayMs} ms")]
    public static partial void Retrying(this ILogger logger, int attempt, int maxAttempts, string reason, string retryAfter, long delayMs);

    [LoggerMessage(
        EventId = 9,
        Level = LogLevel.Warning,
        Message = "{Action} gave up before attempt {Attempt}: the {TimeoutMs} ms call budget ran out during the backoff")]
    public static partial void OutOfTimeBeforeRetry(this ILogger logger, string action, int attempt, long timeoutMs);

    [LoggerMessage(
        EventId = 10,
        Level = LogLevel.Warning,
        Message = "{Action} answer not understood: HTTP {Status}, {Length} characters, starting {Excerpt}")]
    public static partial void UnreadableAnswer(this ILogger logger, string action, int status, int length, string excerpt);
}
