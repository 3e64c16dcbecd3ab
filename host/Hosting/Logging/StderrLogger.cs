using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Logging;

internal sealed class StderrLogger(string category, StderrLoggerProvider provider, LogLevel minimumLevel) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (string.IsNullOrEmpty(message) && exception is null)
        {
            return;
        }

        var line = new StringBuilder(64 + category.Length + message.Length);
        line.Append(provider.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)).Append("Z ");
        line.Append(Label(logLevel)).Append(": ").Append(category).Append('[').Append(eventId.Id).Append("] ");
        AppendSingleLine(line, message);
        if (exception is not null)
        {
            line.Append(' ');
            AppendSingleLine(line, exception.ToString());
        }

        line.Append('\n');
        provider.WriteLine(line.ToString());
    }

    internal static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString(),
    };

    // An entry is one line whatever it holds: a multi-line message or stack trace must not look like several entries.
    private static void AppendSingleLine(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            line.Append(c is '\r' or '\n' ? ' ' : c);
        }
    }
}
