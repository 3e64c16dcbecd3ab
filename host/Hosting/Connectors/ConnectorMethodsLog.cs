using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Connectors;

internal static partial class ConnectorMethodsLog
{
    [LoggerMessage(
        101,
        LogLevel.Information,
        "Initialized by {ClientName} {ClientVersion} (protocol {ProtocolVersion}); serving {ConnectorIds}")]
    public static partial void Initialized(
        this ILogger logger, string clientName, string clientVersion, string protocolVersion, string connectorIds);

    [LoggerMessage(102, LogLevel.Information, "{Method} on {ConnectorId} failed with connector error {Code}")]
    public static partial void ConnectorFailed(this ILogger logger, string method, string connectorId, string code);

    [LoggerMessage(103, LogLevel.Error, "{Method} on {ConnectorId} threw {ExceptionType} (a connector bug): {Details}")]
    public static partial void ConnectorBug(this ILogger logger, string method, string connectorId, string exceptionType, string details);
}
