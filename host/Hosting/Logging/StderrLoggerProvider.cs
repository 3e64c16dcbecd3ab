using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Logging;

/// <summary>
/// The host's log: one line of text per entry on stderr (never stdout, which carries frames), in the format of the console
/// logger's single-line mode, <c>2026-11-29T20:11:03.016Z info: Category[EventId] message</c>, which the bridge parses.
/// It replaces Microsoft.Extensions.Logging.Console, whose options monitors, formatter set and queue thread slowed the Native
/// AOT host's start (README's Performance section); entries are written synchronously, one write per line.
/// </summary>
public sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly TextWriter writer;
    private readonly TimeProvider timeProvider;

    public StderrLoggerProvider(TextWriter? writer = null, TimeProvider? timeProvider = null)
    {
        this.writer = writer ?? Console.Error;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A logger for LoggerFactory (the generic host), which filters by level itself.</summary>
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, this, LogLevel.Trace);

    /// <summary>A logger factory with this provider only, at <paramref name="minimumLevel"/>, for hosts built without DI.</summary>
    public static ILoggerFactory CreateFactory(LogLevel minimumLevel, TextWriter? writer = null) =>
        new StderrLoggerFactory(
            new StderrLoggerProvider(writer), minimumLevel, [.. ConnectorHostLoggingExtensions.Rules(minimumLevel)]);

    public void Dispose()
    {
    }

    internal DateTimeOffset Now => timeProvider.GetUtcNow();

    internal void WriteLine(string line)
    {
        // One call per entry: lines from several threads never interleave (Console.Error is synchronized, and so is this).
        lock (writer)
        {
            writer.Write(line);
            writer.Flush();
        }
    }
}
