using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Logging;

/// <summary>
/// The logger factory of hosts built without DI (<see cref="StderrLoggerProvider.CreateFactory"/>): the stderr provider only,
/// each category at the level of its longest matching rule, else at the minimum level (what LoggerFactory does with
/// provider-independent category rules; a test holds the two equal). Not LoggerFactory itself: it reads each provider's alias
/// attribute by reflection, which under Native AOT starts the reflection runtime before the host's first answer.
/// </summary>
internal sealed class StderrLoggerFactory(StderrLoggerProvider provider, LogLevel minimumLevel, IReadOnlyList<LoggerFilterRule> rules)
    : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return new StderrLogger(categoryName, provider, MinimumFor(categoryName));
    }

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The host logs to stderr only; compose other providers with a LoggerFactory.");

    public void Dispose() => provider.Dispose();

    private LogLevel MinimumFor(string category)
    {
        LoggerFilterRule? match = null;
        foreach (var rule in rules)
        {
            if (rule.ProviderName is null && rule.CategoryName is { } prefix
                && category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (match?.CategoryName is null || prefix.Length >= match.CategoryName.Length))
            {
                match = rule;
            }
        }

        return match?.LogLevel ?? minimumLevel;
    }
}
