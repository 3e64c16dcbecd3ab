using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox.Cli;

/// <summary>
/// One line per entry on stderr (stdout carries only the endpoint URL), in the host's format:
/// <c>2026-12-04T13:43:35.016Z info: Sandbox[2] message</c>; an exception's message follows on the same line.
/// </summary>
internal sealed class StderrLogger(string category, LogLevel minimumLevel, TextWriter writer) : ILogger
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

        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var message = formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message);
        var line = $"{at} {Level(logLevel)}: {category}[{eventId.Id}] {message.ReplaceLineEndings(" ")}\n";
        lock (writer)
        {
            writer.Write(line);
            writer.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
