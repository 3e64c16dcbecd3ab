using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Hosting;

/// <summary>
/// How the real host ends: end of input, SIGTERM and parent death, each with requests in flight; in both compositions, the
/// CLI's <c>ConnectorHostRunner</c> and <c>AddConnectorHost()</c> in the generic host, which must end alike.
/// </summary>
public sealed class HostLifecycleTests
{
    public static TheoryData<string> Compositions => ["runner", "generic-host"];

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task End_of_input_lets_a_request_in_flight_finish_then_exits_0(string composition)
    {
        await using var host = HostProcess.StartTestHost("--composition", composition, "--connectors", "test", "--grace-ms", "10000");
        await host.InitializeAsync();

        await host.SendAsync(Delay(1, 300));
        host.CloseInput();
        var answer = await host.ReadAsync();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(300, answer["result"]!["delayed"]!.GetValue<int>());
        Assert.Equal(0, exitCode);
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task End_of_input_cancels_what_outlives_the_grace_period_answers_it_and_exits_0(string composition)
    {
        await using var host = HostProcess.StartTestHost("--composition", composition, "--connectors", "test", "--grace-ms", "200");
        await host.InitializeAsync();

        await host.SendAsync(Delay("honours-token", 600_000));
        await host.SendAsync(IgnoringCancellation("ignores-token", 600_000));
        await host.RequestAsync(Rpc.Request("barrier", "ping"));
        var stopwatch = Stopwatch.StartNew();
        host.CloseInput();
        var answers = (await host.ReadToEndAsync()).ToDictionary(answer => Rpc.Id(answer)!);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(-32800, Rpc.ErrorCode(answers["\"honours-token\""]));
        Assert.Equal(-32800, Rpc.ErrorCode(answers["\"ignores-token\""]));
        Assert.Equal(0, exitCode);
        // The requests would run 600 s: ending far sooner proves they were cut off, without a bound a busy machine can break.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task Sigterm_is_handled_like_end_of_input(string composition)
    {
        await using var host = HostProcess.StartTestHost("--composition", composition, "--connectors", "test", "--grace-ms", "200");
        await host.InitializeAsync();

        await host.SendAsync(Delay("in-flight", 600_000));
        await host.RequestAsync(Rpc.Request("barrier", "ping"));
        await host.SignalAsync("TERM");
        var answer = await host.ReadAsync();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(-32800, Rpc.ErrorCode(answer));
        Assert.Equal(0, exitCode);
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task The_host_exits_when_its_parent_process_dies(string composition)
    {
        // bash starts the host as its child, sharing our pipes; killing bash leaves the host's stdin open (we hold it).
        var script = $"\"$0\" \"$1\" --composition {composition} --connectors test --parent-poll-ms 100 <&0 & echo \"pid $!\" >&2; wait";
        await using var shell = HostProcess.StartProgram("bash", ["-c", script, "dotnet", Artifacts.TestHostDll]);
        await shell.InitializeAsync();

        shell.Process.Kill();
        var frames = await shell.ReadToEndAsync(HostProcess.DefaultTimeout);

        Assert.Empty(frames);
        var pidLine = shell.Stderr.Split('\n').First(line => line.StartsWith("pid ", StringComparison.Ordinal));
        var pid = int.Parse(pidLine[4..], CultureInfo.InvariantCulture);
        Assert.True(HasExited(pid), "the host outlived its parent" + shell.Diagnostics());
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task The_host_exits_when_the_parent_pid_it_was_given_exits(string composition)
    {
        using var parent = System.Diagnostics.Process.Start("sleep", "60");
        await using var host = HostProcess.StartTestHost(
            "--composition", composition,
            "--connectors", "test",
            "--parent-pid", parent.Id.ToString(CultureInfo.InvariantCulture),
            "--parent-poll-ms", "100");
        await host.InitializeAsync();

        parent.Kill();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("The parent process is gone", host.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Compositions))]
    public async Task The_host_exits_when_its_parent_dies_even_while_nobody_reaps_the_parent(string composition)
    {
        // The bridge's case: --parent-pid names the host's own parent. Here that parent (inner bash) is the child of a process
        // that exec'd into sleep and never reaps, so once killed it stays a zombie, which kill(pid, 0) still finds.
        const string inner = "\"$0\" \"$1\" --composition \"$2\" --connectors test --parent-pid $$ --parent-poll-ms 100 <&0 & " +
            "echo \"pid $! parent $$\" >&2; wait";
        var script = $"bash -c '{inner}' \"$0\" \"$1\" \"$2\" <&0 & exec sleep 60";
        await using var shell = HostProcess.StartProgram("bash", ["-c", script, "dotnet", Artifacts.TestHostDll, composition]);
        await shell.InitializeAsync();
        var ids = shell.Stderr.Split('\n').First(line => line.StartsWith("pid ", StringComparison.Ordinal)).Split(' ');
        var (pid, parent) = (int.Parse(ids[1], CultureInfo.InvariantCulture), int.Parse(ids[3], CultureInfo.InvariantCulture));

        System.Diagnostics.Process.GetProcessById(parent).Kill();
        var stopwatch = Stopwatch.StartNew();
        while (!HasExited(pid) && stopwatch.Elapsed < HostProcess.DefaultTimeout)
        {
            await Task.Delay(50);
        }

        Assert.True(HasExited(parent), "the parent should be a zombie or gone");
        Assert.True(HasExited(pid), "the host outlived its unreaped parent" + shell.Diagnostics());
    }

    private static bool HasExited(int pid)
    {
        // Gone, or a zombie waiting for a reaper: either way it no longer runs.
        var stat = $"/proc/{pid}/stat";
        return !File.Exists(stat) || File.ReadAllText(stat).Split(") ")[1].StartsWith('Z');
    }

    private static string Delay(object id, int milliseconds) => Send(id, "delay", milliseconds);

    private static string IgnoringCancellation(object id, int milliseconds) => Send(id, "ignore-cancel", milliseconds);

    private static string Send(object id, string behavior, int milliseconds) => Rpc.Request(id, "sendMessage", new JsonObject
    {
        ["to"] = "a@b.c",
        ["type"] = "Generic",
        ["payload"] = new JsonObject { ["behavior"] = behavior, ["delayMs"] = milliseconds },
        ["config"] = new JsonObject { ["apiKey"] = "k" },
    });
}
