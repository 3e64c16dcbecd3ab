// CA1848: these tests log the way any library may, through the plain extension methods.
#pragma warning disable CA1848

using Logto.ConnectorHost.Logging;
using Microsoft.Extensions.Logging;

namespace Host.Tests.Logging;

/// <summary>
/// The host's stderr log: the console logger's single-line format (the bridge parses the level from it), one line per entry.
/// </summary>
public sealed class StderrLoggerProviderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 20, 11, 3, 16, TimeSpan.Zero);

    [Fact]
    public void An_entry_is_one_line_with_utc_time_level_category_and_event_id()
    {
        var writer = new StringWriter();
        using var provider = new StderrLoggerProvider(writer, new FixedTime(At));

        provider.CreateLogger("Logto.ConnectorHost").LogWarning(new EventId(102, "x"), "validateConfig failed for {Id}", "a");

        Assert.Equal("2026-11-29T20:11:03.016Z warn: Logto.ConnectorHost[102] validateConfig failed for a\n", writer.ToString());
    }

    [Fact]
    public void A_multi_line_message_and_its_exception_stay_on_the_entrys_line()
    {
        var writer = new StringWriter();
        using var provider = new StderrLoggerProvider(writer, new FixedTime(At));
        var exception = new InvalidOperationException("first\nsecond");

        provider.CreateLogger("C").LogError(exception, "line one\r\nline two");

        var text = writer.ToString();
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.StartsWith(
            "2026-11-29T20:11:03.016Z fail: C[0] line one  line two System.InvalidOperationException: first second",
            text,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Information, "info: A[0] shown|warn: System.Net.Http.HttpClient.X[0] shown")]
    [InlineData(
        LogLevel.Debug,
        "dbug: A[0] debug|info: A[0] shown|info: System.Net.Http.HttpClient.X[0] request|warn: System.Net.Http.HttpClient.X[0] shown")]
    public void The_factory_keeps_the_minimum_level_and_quiets_HttpClients_per_request_lines(LogLevel minimum, string expected)
    {
        var writer = new StringWriter();
        using var factory = StderrLoggerProvider.CreateFactory(minimum, writer);

        var app = factory.CreateLogger("A");
        app.LogDebug("debug");
        app.LogInformation("shown");
        var http = factory.CreateLogger("System.Net.Http.HttpClient.X");
        http.LogInformation("request");
        http.LogWarning("shown");

        var lines = writer.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(expected, string.Join('|', lines));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
