using Logto.ConnectorHost.Composition;
using Logto.ConnectorHost.Logging;
using Microsoft.Extensions.Logging;

namespace Host.Tests.Logging;

/// <summary>The factory of hosts built without DI filters by level as Microsoft.Extensions.Logging's LoggerFactory does.</summary>
public sealed class StderrLoggerFactoryTests
{
    private static readonly string[] Categories =
    [
        "A", "", "System", "System.Net", "system.net.http", "System.Net.Http.HttpClient", "System.Net.Http.HttpClient.X.LogicalHandler",
        "SYSTEM.NET.HTTP.HTTPCLIENT.Y", "System.Net.Http.HttpClientX", "Systematic",
    ];

    public static TheoryData<LogLevel> MinimumLevels() => [.. Enum.GetValues<LogLevel>()];

    [Theory]
    [MemberData(nameof(MinimumLevels))]
    public void The_hosts_rules_enable_what_LoggerFactory_enables(LogLevel minimum) =>
        AssertSameAsLoggerFactory(minimum, [.. ConnectorHostLoggingExtensions.Rules(minimum)]);

    [Theory]
    [MemberData(nameof(MinimumLevels))]
    public void The_longest_matching_prefix_wins_in_any_case_as_in_LoggerFactory(LogLevel minimum) =>
        AssertSameAsLoggerFactory(
            minimum,
            [
                new LoggerFilterRule(null, "System", LogLevel.Warning, null),
                new LoggerFilterRule(null, "system.net", LogLevel.Debug, null),
                new LoggerFilterRule(null, "System.Net.Http.HttpClient", LogLevel.Error, null),
                new LoggerFilterRule(null, "System.Net.Http.HttpClient", LogLevel.Critical, null),
            ]);

    [Fact]
    public void The_watchdogs_category_is_its_types_full_name() =>
        Assert.Equal(ParentProcessWatchdog.LogCategory, typeof(ParentProcessWatchdog).FullName);

    private static void AssertSameAsLoggerFactory(LogLevel minimum, LoggerFilterRule[] rules)
    {
        using var ours = new StderrLoggerFactory(new StderrLoggerProvider(TextWriter.Null), minimum, rules);
        var options = new LoggerFilterOptions { MinLevel = minimum };
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }

        using var library = new LoggerFactory([new StderrLoggerProvider(TextWriter.Null)], options);
        foreach (var category in Categories)
        {
            var expected = Enum.GetValues<LogLevel>().Where(library.CreateLogger(category).IsEnabled);
            var actual = Enum.GetValues<LogLevel>().Where(ours.CreateLogger(category).IsEnabled);
            Assert.True(
                expected.SequenceEqual(actual), $"{category}: LoggerFactory {string.Join(',', expected)}, ours {string.Join(',', actual)}");
        }
    }
}
