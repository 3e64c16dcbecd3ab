using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;

namespace Microsoft.Extensions.Logging;

/// <summary>The host's logging: single-line text on stderr only, never on stdout (which carries frames).</summary>
public static class ConnectorHostLoggingExtensions
{
    public static ILoggingBuilder AddConnectorHostConsole(this ILoggingBuilder logging, LogLevel minimumLevel = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.ColorBehavior = LoggerColorBehavior.Disabled;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        // HttpClientFactory logs every request URI at Information; connectors log what matters themselves.
        if (minimumLevel >= LogLevel.Information)
        {
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        }

        return logging;
    }
}
