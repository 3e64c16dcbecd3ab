using System.Globalization;
using Logto.ConnectorHost;
using Microsoft.Extensions.Logging;

namespace Host.TestHost;

/// <summary>The test host's command line: <c>--connectors test,second --composition generic-host --grace-ms N …</c>.</summary>
internal sealed class TestHostSettings
{
    public const string Runner = "runner";
    public const string GenericHost = "generic-host";

    /// <summary><see cref="Runner"/> (the CLI's, the default) or <see cref="GenericHost"/> (<c>AddConnectorHost()</c>).</summary>
    public string Composition { get; private set; } = Runner;

    public IReadOnlyList<string> Connectors { get; private set; } = [TestConnector.Id, SecondConnector.Id];

    public LogLevel LogLevel { get; private set; } = LogLevel.Debug;

    private Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public static TestHostSettings Parse(string[] args)
    {
        var settings = new TestHostSettings();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            settings.Values[args[i]] = args[i + 1];
        }

        if (settings.Values.TryGetValue("--connectors", out var ids))
        {
            settings.Connectors = ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
        }

        if (settings.Values.TryGetValue("--log-level", out var level))
        {
            settings.LogLevel = Enum.Parse<LogLevel>(level, ignoreCase: true);
        }

        if (settings.Values.TryGetValue("--composition", out var composition))
        {
            settings.Composition = composition is Runner or GenericHost
                ? composition
                : throw new ArgumentException($"unknown composition '{composition}'");
        }

        return settings;
    }

    public void Apply(ConnectorHostOptions options)
    {
        if (Number("--grace-ms") is { } grace)
        {
            options.ShutdownGracePeriod = TimeSpan.FromMilliseconds(grace);
        }

        if (Number("--max-frame-bytes") is { } maxFrame)
        {
            options.MaxFrameBytes = maxFrame;
        }

        if (Number("--max-concurrent") is { } concurrent)
        {
            options.MaxConcurrentRequests = (int)concurrent;
        }

        if (Number("--max-inflight-bytes") is { } inflight)
        {
            options.MaxInflightBytes = inflight;
        }

        if (Number("--parent-pid") is { } parent)
        {
            options.ParentProcessId = (int)parent;
        }

        if (Number("--parent-poll-ms") is { } poll)
        {
            options.ParentPollInterval = TimeSpan.FromMilliseconds(poll);
        }

        options.HostName = "logto-connector-test-host";
    }

    private long? Number(string name) =>
        Values.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : null;
}
