using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Reliability;

/// <summary>
/// Issue 5, item 3 at the host: when the parent is gone nobody can read an answer, so a request stuck in a slow send must not
/// keep the host alive for the grace period. The host's stdin stays open here (the test holds it), so only the watchdog acts.
/// </summary>
public sealed class ParentDeathTests
{
    [Fact]
    public async Task A_dead_parent_cancels_requests_in_flight_at_once_instead_of_waiting_out_the_grace_period()
    {
        using var parent = Process.Start("sleep", "60");
        await using var host = HostProcess.StartTestHost(
            "--connectors", "test", "--grace-ms", "30000", "--parent-pid", parent.Id.ToString(CultureInfo.InvariantCulture));
        await host.InitializeAsync();
        await host.SendAsync(Rpc.Request("stuck", "sendMessage", new JsonObject
        {
            ["to"] = "a@b.c",
            ["type"] = "Generic",
            ["payload"] = new JsonObject { ["behavior"] = "delay", ["delayMs"] = 600_000 },
            ["config"] = new JsonObject { ["apiKey"] = "k" },
        }));
        await host.RequestAsync(Rpc.Request("barrier", "ping"));

        var stopwatch = Stopwatch.StartNew();
        parent.Kill();
        var answer = await host.ReadAsync();
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        stopwatch.Stop();

        Assert.Equal("\"stuck\"", Rpc.Id(answer));
        Assert.Equal(-32800, Rpc.ErrorCode(answer));
        Assert.Equal(0, exitCode);
        // Typically well under the 2 s the watchdog aims at (250 ms polls); the assertion only separates "cancelled at once"
        // from "waited out the 30 s grace period", so that a loaded machine cannot break it.
        Assert.True(
            stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"the host outlived its parent by {stopwatch.Elapsed} (grace period 30 s)");
        Assert.Contains(
            "1 request(s) in flight cancelled without the grace period: the parent process is gone", host.Stderr, StringComparison.Ordinal);
    }
}
