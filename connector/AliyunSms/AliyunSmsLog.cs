using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSms;

/// <summary>The connector's own log lines (the RPC call logs its own). Never the secret, the number or a code.</summary>
internal static partial class AliyunSmsLog
{
    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "SMS not sent, input refused: {ErrorCode}")]
    public static partial void InputRefused(this ILogger logger, ConnectorErrorCode errorCode);
}
