using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Host.Tests.Reliability.Support;
using Host.Tests.Support;
using Logto.Connector.AliyunSandbox;
using Xunit.Abstractions;

namespace Host.Tests.Reliability;

/// <summary>
/// Issue 5, item 1: a seeded fuzzer feeds the real host (<c>logto-connector-host serve</c>, with the real connector sending to
/// an in-process sandbox) malformed, truncated, oversized, split-at-every-byte, wrong-header, invalid-UTF-8, deeply nested,
/// BOM/CRLF-variant and batch frames interleaved with valid requests, and (issue 11, item 1) valid JSON with hostile content:
/// lone and paired surrogate escapes, NUL, huge and fractional numbers, ids of every type, repeated and undecodable member
/// names, nesting to the depth limit and past it. Figures: frames sent, crashes (0), valid requests answered rightly (all),
/// host RSS at the end. <c>LOGTO_FUZZ_FRAMES</c> sets the count (default 10,000; the full run is
/// 100,000, see scripts/reliability), <c>LOGTO_FUZZ_SEED</c> replays a run (the seed is in the figure line), and
/// <c>LOGTO_FUZZ_TRACE=&lt;file&gt;</c> writes every item (number, category, bytes in base64) there to find the one at fault.
/// </summary>
public sealed class FramingFuzzTests(ITestOutputHelper output)
{
    private const long MaxFrameBytes = 64 * 1024;
    private const long MaxRssBytes = 400L * 1024 * 1024;

    [Fact]
    public async Task The_real_host_survives_every_fuzzed_frame_and_answers_every_valid_request_rightly()
    {
        var frames = int.TryParse(Environment.GetEnvironmentVariable("LOGTO_FUZZ_FRAMES"), out var n) && n > 0 ? n : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LOGTO_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        const string AccessKeyId = "fuzz-access-key-id";
        var secret = TestSecret.Or("fuzz-access-key-secret");
        await using var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions
        {
            Credentials = new Dictionary<string, string> { [AccessKeyId] = secret },
        });
        await using var host = HostProcess.Start(Artifacts.CliDll, [
            "serve", "--max-frame-bytes", MaxFrameBytes.ToString(CultureInfo.InvariantCulture), "--log-level", "error",
            "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await host.InitializeAsync();
        var answers = new FuzzAnswers();
        var reading = ReadAnswersAsync(host, answers);
        var fuzzer = new FrameFuzzer(seed, new FuzzRequests(sandbox.Endpoint, AccessKeyId, secret), MaxFrameBytes);
        var stdin = host.Process.StandardInput.BaseStream;
        var (sent, malformed, bytes, rssEarly, hostile) = (0, 0, 0L, 0L, 0);
        var stopwatch = Stopwatch.StartNew();

        var recent = new Queue<string>();
        using var trace = Environment.GetEnvironmentVariable("LOGTO_FUZZ_TRACE") is { Length: > 0 } tracePath
            ? File.CreateText(tracePath)
            : null;
        foreach (var item in fuzzer.Generate(frames))
        {
            trace?.WriteLine($"{sent}\t{item.Category}\t{Convert.ToBase64String(item.Bytes)}");
            answers.Expect(item);
            recent.Enqueue(item.Category);
            if (recent.Count > 5)
            {
                recent.Dequeue();
            }

            if (!await TryWriteAsync(stdin, item))
            {
                break;
            }

            (sent, malformed, bytes, hostile) =
                (sent + 1, malformed + (item.Malformed ? 1 : 0), bytes + item.Bytes.Length, hostile + (item.Hostile ? 1 : 0));
            if (sent == frames / 10)
            {
                rssEarly = MemoryOf(host.Process.Id).Rss;
            }
        }

        await WaitForAsync(() => answers.Outstanding == 0 || host.Process.HasExited, TimeSpan.FromSeconds(120));
        var crashes = host.Process.HasExited ? 1 : 0;
        var (rss, peak) = crashes == 0 ? MemoryOf(host.Process.Id) : (0, 0);
        host.CloseInput();
        await reading.WaitAsync(TimeSpan.FromSeconds(60));
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));
        stopwatch.Stop();

        var wrong = answers.Problems.Count(problem => problem.StartsWith("wrong answer", StringComparison.Ordinal));
        var right = answers.ExpectedCount - answers.Outstanding - wrong;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"framing fuzz (seed {seed}): {sent} frames sent " +
            $"({sent - malformed} valid or tolerated carrying {answers.ExpectedCount} requests, " +
            $"{hostile} of them valid JSON with hostile content, {malformed} malformed), " +
            $"{bytes / 1048576.0:0.0} MiB in {stopwatch.Elapsed.TotalSeconds:0.0} s; crashes {crashes}; " +
            $"valid requests answered correctly {right}/{answers.ExpectedCount}; " +
            $"{answers.Answers} answers ({answers.NullIdErrors} errors without an id, " +
            $"{answers.ExpectedNullIdErrors} of them for requests whose id no integer or string holds); " +
            $"host RSS at the end {rss / 1048576.0:0.0} MiB (after 10% {rssEarly / 1048576.0:0.0} MiB, peak {peak / 1048576.0:0.0} MiB)"));
        var replay = $" (replay: LOGTO_FUZZ_SEED={seed} LOGTO_FUZZ_FRAMES={frames}; " +
            $"last items written: {string.Join(" | ", recent)}){host.Diagnostics()}";
        Assert.True(crashes == 0, "the host died during the run" + replay);
        Assert.True(answers.Problems.Count == 0, string.Join(Environment.NewLine, answers.Problems) + replay);
        Assert.True(answers.Outstanding == 0, "unanswered: " + string.Join(", ", answers.Unanswered()) + replay);
        Assert.True(
            answers.NullIdErrors >= answers.ExpectedNullIdErrors,
            $"{answers.ExpectedNullIdErrors} requests with an id no integer or string holds, " +
            $"{answers.NullIdErrors} null-id errors" + replay);
        Assert.Equal(0, exitCode);
        Assert.True(peak < MaxRssBytes, $"peak RSS {peak} bytes" + replay);
        Assert.DoesNotContain(" fail: ", host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" crit: ", host.Stderr, StringComparison.Ordinal);
        var outbox = sandbox.Outbox.ToDictionary(message => message.EnvId);
        Assert.Equal(answers.Delivered.Count, outbox.Count);
        Assert.All(answers.Delivered, sentMail => Assert.Equal(sentMail.To, outbox[sentMail.EnvId].ToAddress));
    }

    [Theory]
    [InlineData("inside a header line", "Content-Len", -32700, null)]
    [InlineData("after junk without a line break", "\u0001\u0002junk", -32700, null)]
    [InlineData("between a header and the blank line", "Content-Length: 50\r\n", -32700, null)]
    [InlineData("inside a body", "Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"cut\",\"method\":\"ping\"", -32700, "\"cut\"")]
    [InlineData(
        "inside an oversized body",
        "Content-Length: 9999999999\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"pad\":\"xx",
        -32600,
        "\"big\"")]
    public async Task A_stream_cut_off_is_answered_with_the_recovered_id_and_the_host_exits_0(
        string where, string tail, int code, string? id)
    {
        await using var host = HostProcess.Start(
            Artifacts.CliDll, ["serve", "--max-frame-bytes", MaxFrameBytes.ToString(CultureInfo.InvariantCulture)]);
        await host.InitializeAsync();

        await host.SendAsync(Rpc.Request("before", "ping"));
        await host.SendRawAsync(Encoding.UTF8.GetBytes(tail));
        host.CloseInput();
        var frames = await host.ReadToEndAsync();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.True(frames.Count == 2, $"cut off {where}: {string.Join(", ", frames.Select(frame => frame.ToJsonString()))}");
        Assert.Equal("\"before\"", Rpc.Id(frames[0]));
        Assert.Equal(code, Rpc.ErrorCode(frames[1]));
        Assert.Equal(id ?? "null", Rpc.Id(frames[1]) ?? "null");
        Assert.Equal(0, exitCode);
    }

    /// <summary>Writes one item, flushing at each split point; false when the host no longer reads (it died).</summary>
    private static async Task<bool> TryWriteAsync(Stream stdin, FuzzItem item)
    {
        try
        {
            foreach (var write in item.Writes())
            {
                await stdin.WriteAsync(write);
                await stdin.FlushAsync();
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task ReadAnswersAsync(HostProcess host, FuzzAnswers answers)
    {
        await Task.Yield();
        var stdout = host.Process.StandardOutput.BaseStream;
        while (await FrameCodec.ReadAsync(stdout, CancellationToken.None) is { } frame)
        {
            answers.Record(frame);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < timeout)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Resident and peak resident memory of a process, from /proc/&lt;pid&gt;/status.</summary>
    private static (long Rss, long Peak) MemoryOf(int pid)
    {
        var kilobytes = File.ReadLines($"/proc/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts[0] is "VmRSS" or "VmHWM")
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        return (kilobytes["VmRSS"] * 1024, kilobytes["VmHWM"] * 1024);
    }
}
