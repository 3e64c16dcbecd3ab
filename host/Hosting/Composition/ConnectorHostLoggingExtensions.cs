using Logto.ConnectorHost.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Logging;

/// <summary>The host's logging: single-line text on stderr only, never on stdout (which carries frames).</summary>
public static class ConnectorHostLoggingExtensions
{
    public static ILoggingBuilder AddConnectorHostStderr(this ILoggingBuilder logging, LogLevel minimumLevel = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider>(new StderrLoggerProvider()));
        foreach (var rule in Rules(minimumLevel))
        {
            logging.AddFilter(rule.CategoryName, rule.LogLevel ?? minimumLevel);
        }

        return logging;
    }

    // HttpClientFactory logs every request URI at Information; connectors log what matters themselves.
    internal static IEnumerable<LoggerFilterRule> Rules(LogLevel minimumLevel) => minimumLevel >= LogLevel.Information
        ? [new LoggerFilterRule(providerName: null, "System.Net.Http.HttpClient", LogLevel.Warning, filter: null)]
        : [];
}
