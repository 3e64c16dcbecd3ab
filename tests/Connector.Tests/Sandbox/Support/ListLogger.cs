using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Connector.Tests.Sandbox.Support;

/// <summary>Keeps every formatted log line (with its exception) so tests can read what was logged.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
}
