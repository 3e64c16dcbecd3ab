using System.IO.Pipelines;
using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.ConnectorHost;
using Logto.ConnectorHost.Logging;
using Logto.ConnectorHost.Protocol;
using Microsoft.Extensions.Logging;

namespace Host.Tests.Hosting;

/// <summary>
/// The container-free composition the CLI's <c>serve</c> runs, in process (its signals and parent death: HostLifecycleTests).
/// </summary>
public sealed class ConnectorHostRunnerTests
{
    [Fact]
    public async Task Serves_every_frame_until_end_of_input_then_returns_0()
    {
        var initialize = Rpc.Request(1, "initialize", new JsonObject
        {
            ["protocolVersion"] = ProtocolNames.ProtocolVersion,
            ["client"] = new JsonObject { ["name"] = "t", ["version"] = "0" },
        });
        var input = new MemoryStream([.. FrameCodec.Encode(initialize), .. FrameCodec.Encode(Rpc.Request(2, "ping"))]);
        var output = new MemoryStream();
        var log = new StringWriter();
        using var dependencies = new ConnectorDependencies(StderrLoggerProvider.CreateFactory(LogLevel.Information, log));

        var exitCode = await ConnectorHostRunner
            .RunAsync([new ScriptedConnector()], new ConnectorHostOptions(), new ConnectorHostStreams(input, output), dependencies)
            .WaitAsync(TimeSpan.FromSeconds(60));

        output.Position = 0;
        var first = await FrameCodec.ReadAsync(output, CancellationToken.None);
        var second = await FrameCodec.ReadAsync(output, CancellationToken.None);
        Assert.Equal(0, exitCode);
        Assert.Equal("scripted", first!["result"]!["connectors"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, second!["id"]!.GetValue<int>());
        Assert.Null(await FrameCodec.ReadAsync(output, CancellationToken.None));
        Assert.Contains("info: Logto.ConnectorHost[101] Initialized by t 0", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_initialize_only_after_its_answer_is_written()
    {
        var events = new List<string>();
        var input = new MemoryStream([.. FrameCodec.Encode(Rpc.Initialize(1))]);
        using var dependencies = new ConnectorDependencies(
            StderrLoggerProvider.CreateFactory(LogLevel.Information, new RecordingWriter(events)));

        var streams = new ConnectorHostStreams(input, new RecordingStream(events));
        var exitCode = await ConnectorHostRunner
            .RunAsync([new ScriptedConnector()], new ConnectorHostOptions(), streams, dependencies)
            .WaitAsync(TimeSpan.FromSeconds(60));

        string[] seen;
        lock (events)
        {
            seen = [.. events];
        }

        var answered = Array.IndexOf(seen, RecordingStream.Flushed);
        var logged = Array.FindIndex(seen, entry => entry.Contains("Initialized by", StringComparison.Ordinal));
        Assert.Equal(0, exitCode);
        Assert.True(answered >= 0 && logged > answered, string.Join("\n", seen));
    }

    [Fact]
    public async Task Stops_draining_and_returns_0_when_its_token_is_cancelled()
    {
        var input = new Pipe();
        var output = new Pipe();
        using var dependencies = new ConnectorDependencies(StderrLoggerProvider.CreateFactory(LogLevel.Warning, TextWriter.Null));
        using var stop = new CancellationTokenSource();

        var run = ConnectorHostRunner.RunAsync(
            [new ScriptedConnector()],
            new ConnectorHostOptions(),
            new ConnectorHostStreams(input.Reader.AsStream(), output.Writer.AsStream()),
            dependencies,
            stop.Token);
        // Serving (a ping answered) with its input still open: it runs until stopped, whatever the machine's speed.
        await input.Writer.WriteAsync(FrameCodec.Encode(Rpc.Request("alive", "ping")));
        var answer = await FrameCodec.ReadAsync(output.Reader.AsStream(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("\"alive\"", Rpc.Id(answer));
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Refuses_options_out_of_range_before_serving()
    {
        using var dependencies = new ConnectorDependencies(StderrLoggerProvider.CreateFactory(LogLevel.Warning, TextWriter.Null));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ConnectorHostRunner.RunAsync(
            [new ScriptedConnector()],
            new ConnectorHostOptions { MaxConcurrentRequests = 0 },
            new ConnectorHostStreams(Stream.Null, Stream.Null),
            dependencies));
    }

    /// <summary>Records each flush (the frame writer flushes once per frame) in a list shared with <see cref="RecordingWriter"/>.</summary>
    private sealed class RecordingStream(List<string> events) : MemoryStream
    {
        public const string Flushed = "(frame written)";

        public override void Flush()
        {
            base.Flush();
            lock (events)
            {
                events.Add(Flushed);
            }
        }
    }

    /// <summary>Records each log line in the shared list.</summary>
    private sealed class RecordingWriter(List<string> events) : StringWriter
    {
        public override void Write(string? value)
        {
            lock (events)
            {
                events.Add(value ?? "");
            }
        }
    }
}
