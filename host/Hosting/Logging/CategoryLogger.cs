using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Logging;

/// <summary>
/// An <see cref="ILogger{T}"/> whose category is given as text. Logger&lt;T&gt; finds its category from T's name by
/// reflection, which under Native AOT starts the reflection runtime before the host's first answer; the hosts built without
/// DI name the category themselves (a test holds each equal to the type's full name).
/// </summary>
public sealed class CategoryLogger<T>(ILogger logger) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => logger.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        logger.Log(logLevel, eventId, state, exception, formatter);
}

/// <summary>Creates <see cref="CategoryLogger{T}"/>s.</summary>
public static class CategoryLoggerExtensions
{
    /// <summary>An <see cref="ILogger{T}"/> under <paramref name="category"/> (normally T's full name).</summary>
    public static ILogger<T> CreateLogger<T>(this ILoggerFactory factory, string category)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new CategoryLogger<T>(factory.CreateLogger(category));
    }
}
