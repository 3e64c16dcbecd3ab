using System.IO.Pipelines;
using System.Text.Json.Nodes;
using Logto.ConnectorHost.Connectors;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Transport;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Host.Tests.Support;

/// <summary>The dispatcher over in-memory pipes (no process): frames in, frames out.</summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    private readonly Pipe input = new();
    private readonly Pipe output = new();
    private readonly Stream outputStream;
    private readonly CancellationTokenSource stop = new();
    private readonly LspFrameWriter writer;
    private readonly JsonRpcDispatcher dispatcher;

    public DispatcherHarness(IEnumerable<IConnector> connectors, DispatcherLimits? limits = null, long maxFrameBytes = 4 * 1024 * 1024)
    {
        writer = new LspFrameWriter(output.Writer.AsStream());
        var methods = new ConnectorMethods(new ConnectorRegistry(connectors), "test-host", "1.2.3", NullLogger.Instance);
        dispatcher = new JsonRpcDispatcher(
            new LspFrameReader(input.Reader, maxFrameBytes),
            writer,
            methods,
            limits ?? new DispatcherLimits(64, 256, TimeSpan.FromSeconds(5)),
            TimeProvider.System,
            NullLogger.Instance);
        outputStream = output.Reader.AsStream();
        Run = dispatcher.RunAsync(stop.Token);
    }

    public DispatcherHarness(params IConnector[] connectors)
        : this((IEnumerable<IConnector>)connectors)
    {
    }

    /// <summary>Completes when the dispatcher has drained and stopped.</summary>
    public Task Run { get; }

    public async Task SendAsync(string json) => await SendRawAsync(FrameCodec.Encode(json));

    public async Task SendRawAsync(byte[] bytes) => await input.Writer.WriteAsync(bytes);

    public async Task<JsonNode> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(HostProcess.DefaultTimeout);
        return await FrameCodec.ReadAsync(outputStream, timeout.Token) ?? throw new InvalidDataException("output ended");
    }

    public async Task<JsonNode> RequestAsync(string json)
    {
        await SendAsync(json);
        return await ReadAsync();
    }

    public async Task InitializeAsync() => Assert.NotNull((await RequestAsync(Rpc.Initialize(0)))["result"]);

    public void EndInput() => input.Writer.Complete();

    public Task StopAsync() => stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        input.Writer.Complete();
        await stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(60));
        dispatcher.Dispose();
        writer.Dispose();
        stop.Dispose();
    }
}
