using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The connector's log lines. Never the secret; bodies only at Trace (they can carry addresses and codes).</summary>
internal static partial class AliyunDirectMailLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending SingleSendMail attempt {Attempt} to {Endpoint} (region {RegionId}, nonce {Nonce}, timestamp {Timestamp})")]
    public static partial void Sending(this ILogger logger, int attempt, string endpoint, string regionId, string nonce, string timestamp);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Aliyun Direct Mail accepted the mail: HTTP {Status} in {ElapsedMs} ms, RequestId {RequestId}, EnvId {EnvId}")]
    public static partial void Accepted(this ILogger logger, int status, long elapsedMs, string requestId, string envId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "SingleSendMail failed with HTTP {Status} in {ElapsedMs} ms: {ErrorCode} (Aliyun code {AliyunCode}, RequestId {RequestId})")]
    public static partial void SendFailed(this ILogger logger, int status, long elapsedMs, string errorCode, string? aliyunCode, string? requestId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "SingleSendMail answer body: {Body}")]
    public static partial void AnswerBody(this ILogger logger, string body);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "SingleSendMail to {Endpoint} failed after {ElapsedMs} ms: {Description}")]
    public static partial void TransportFailed(this ILogger logger, string endpoint, long elapsedMs, string description, Exception? exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "SingleSendMail to {Endpoint} cancelled by the caller after {ElapsedMs} ms")]
    public static partial void Cancelled(this ILogger logger, string endpoint, long elapsedMs);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Mail not sent, input refused: {ErrorCode}")]
    public static partial void InputRefused(this ILogger logger, ConnectorErrorCode errorCode);

    /// <param name="reason">Why the mail was certainly not accepted: the Aliyun throttling code, or "connection refused".</param>
    /// <param name="retryAfter">"x-acs-retry-after N ms", or "no x-acs-retry-after".</param>
    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "SingleSendMail attempt {Attempt} of {MaxAttempts} was not accepted ({Reason}, {RetryAfter}); retrying in {DelayMs} ms")]
    public static partial void Retrying(this ILogger logger, int attempt, int maxAttempts, string reason, string retryAfter, long delayMs);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "SingleSendMail gave up before attempt {Attempt}: the {TimeoutMs} ms call budget ran out during the backoff")]
    public static partial void OutOfTimeBeforeRetry(this ILogger logger, int attempt, long timeoutMs);
}
