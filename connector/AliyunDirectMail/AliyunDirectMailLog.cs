using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The connector's log lines. Never the secret; bodies only at Trace (they can carry addresses and codes).</summary>
internal static partial class AliyunDirectMailLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending SingleSendMail to {Endpoint} (region {RegionId}, nonce {Nonce})")]
    public static partial void Sending(this ILogger logger, string endpoint, string regionId, string nonce);

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
}
