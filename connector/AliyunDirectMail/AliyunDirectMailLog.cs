using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The connector's own log lines (the RPC call logs its own). Never the secret, the address or a code.</summary>
internal static partial class AliyunDirectMailLog
{
    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Mail not sent, input refused: {ErrorCode}")]
    public static partial void InputRefused(this ILogger logger, ConnectorErrorCode errorCode);
}
