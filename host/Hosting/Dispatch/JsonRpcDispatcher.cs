using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Logto.ConnectorHost.Logging;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorHost.Transport;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// JSON-RPC 2.0 over LSP frames: reads frames, answers every request exactly once, runs requests concurrently (bounded) and
/// answers them as they finish, honours <c>$/cancelRequest</c> (the cancelled request is still answered, -32800, like LSP),
/// and on end of input or stop lets work finish within a grace period, then cancels it and answers what is left.
/// <para>
/// Why a small dispatcher instead of StreamJsonRpc: StreamJsonRpc tears the connection down and aborts the process on a
/// batch or a non-JSON frame, returns .NET stack traces in <c>error.data</c>, accepts requests without
/// <c>"jsonrpc":"2.0"</c>, and needs a separate source-generation path for Native AOT. This one is System.Text.Json source
/// generation plus System.IO.Pipelines: every bad input is answered and survived.
/// </para>
/// </summary>
internal sealed class JsonRpcDispatcher : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private static readonly JsonElement EmptyResultElement = JsonRpcReplies.EmptyResult;

    private readonly LspFrameReader reader;
    private readonly LspFrameWriter writer;
    private readonly IRpcMethods methods;
    private readonly ILogger logger;
    private readonly RequestScheduler scheduler;
    private readonly CancellationTokenSource outputBroken = new();
    private readonly SingleReplySink singleSink;
    private volatile bool initialized;

    public JsonRpcDispatcher(
        LspFrameReader reader,
        LspFrameWriter writer,
        IRpcMethods methods,
        DispatcherLimits limits,
        TimeProvider timeProvider,
        ILogger logger)
    {
        this.reader = reader;
        this.writer = writer;
        this.methods = methods;
        this.logger = logger;
        scheduler = new RequestScheduler(limits, timeProvider, logger);
        singleSink = new SingleReplySink(WriteFrameAsync);
    }

    /// <summary>
    /// Serves until the input ends, <paramref name="stoppingToken"/> fires or the output breaks; then drains, within the grace
    /// period unless <paramref name="abandon"/> fires (the parent is gone: requests in flight are cancelled at once).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken, CancellationToken abandon = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, outputBroken.Token);
        try
        {
            await ReadLoopAsync(stop.Token).ConfigureAwait(false);
            logger.InputEnded(scheduler.Count);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger.Stopping(scheduler.Count);
        }
        finally
        {
            // Also after a failure of the read loop itself: requests in flight are answered before the scheduler goes away.
            await scheduler.DrainAsync(abandon).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        scheduler.Dispose();
        outputBroken.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken stop)
    {
        while (true)
        {
            var frame = await reader.ReadAsync(stop).ConfigureAwait(false);
            switch (frame.Kind)
            {
                case LspFrameKind.End:
                    return;
                case LspFrameKind.TooLarge:
                    logger.FrameTooLarge(frame.DeclaredLength, reader.MaxFrameBytes);
                    var tooLarge = RpcErrors.FrameTooLarge(reader.MaxFrameBytes, frame.DeclaredLength);
                    await WriteFrameAsync(JsonRpcReplies.Error(frame.RecoveredId, tooLarge)).ConfigureAwait(false);
                    break;
                case LspFrameKind.Malformed:
                    logger.MalformedFrame(frame.Problem!);
                    await WriteFrameAsync(JsonRpcReplies.Error(frame.RecoveredId, RpcErrors.ParseError(frame.Problem)))
                        .ConfigureAwait(false);
                    break;
                default:
                    await OnFrameAsync(frame.Body, stop).ConfigureAwait(false);
                    break;
            }

            stop.ThrowIfCancellationRequested();
        }
    }

    private async Task OnFrameAsync(ReadOnlyMemory<byte> body, CancellationToken stop)
    {
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        // JSON text is UTF-8 (RFC 8259 §8.1). JsonDocument checks structure only and defers string decoding to GetString(),
        // which would then throw deep inside the dispatcher; invalid bytes anywhere make the frame a parse error instead.
        if (!Utf8.IsValid(body.Span))
        {
            logger.BodyNotJson();
            await WriteFrameAsync(JsonRpcReplies.Error(RequestIdRecovery.TryRecover(body), RpcErrors.ParseError("invalid UTF-8")))
                .ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            logger.BodyNotJson();
            await WriteFrameAsync(JsonRpcReplies.Error(RequestIdRecovery.TryRecover(body), RpcErrors.ParseError())).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                await DispatchAsync(root, singleSink, stop).ConfigureAwait(false);
                return;
            }

            if (root.GetArrayLength() == 0)
            {
                logger.InvalidRequest("empty batch");
                await WriteFrameAsync(JsonRpcReplies.Error(null, RpcErrors.InvalidRequest("an empty batch"))).ConfigureAwait(false);
                return;
            }

            var batch = new BatchReplySink(WriteFrameAsync);
            foreach (var member in root.EnumerateArray())
            {
                await DispatchAsync(member, batch, stop).ConfigureAwait(false);
            }

            await batch.SealAsync().ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(JsonElement element, IReplySink sink, CancellationToken stop)
    {
        var message = JsonRpcMessage.Parse(element);
        switch (message.Kind)
        {
            case JsonRpcMessageKind.Response:
                logger.IgnoredResponse();
                return;
            case JsonRpcMessageKind.Notification:
                OnNotification(message);
                return;
            case JsonRpcMessageKind.Invalid:
                logger.InvalidRequest(message.Problem!);
                sink.Expect();
                await sink.ReplyAsync(JsonRpcReplies.Error(message.Id, RpcErrors.InvalidRequest(message.Problem!))).ConfigureAwait(false);
                return;
        }

        sink.Expect();
        byte[]? reply;
        Action? answered = null;
        try
        {
            (reply, answered) = await AnswerOrStartAsync(message, sink, stop).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A bug while dispatching one request must not stop the host: the request is answered -32603.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.HostBug(
                LogText.Safe(message.Method),
                message.Id!.Value.ToString(),
                exception.GetType().FullName ?? "Exception",
                exception.StackTrace);
            reply = JsonRpcReplies.Error(message.Id, RpcErrors.Internal());
        }

        if (reply is not null)
        {
            await sink.ReplyAsync(reply).ConfigureAwait(false);
        }

        answered?.Invoke();
    }

    /// <summary>
    /// The answer to give now, or null when the request was started (the scheduler answers it when it finishes); and what to do
    /// once the answer is given.
    /// </summary>
    private async Task<(byte[]? Reply, Action? Answered)> AnswerOrStartAsync(
        JsonRpcMessage message, IReplySink sink, CancellationToken stop)
    {
        var id = message.Id!.Value;
        if (TryAnswerInline(message, out var inlineReply, out var answered))
        {
            return (inlineReply, answered);
        }

        if (!methods.TryGetMethod(message.Method, out var method))
        {
            return (JsonRpcReplies.Error(id, RpcErrors.MethodNotFound()), null);
        }

        // Params are cloned and kept until the answer: their bytes count against the in-flight budget, checked before
        // waiting for room so that a request over it is answered at once.
        long paramsBytes = message.Params is { } parameters ? JsonMarshal.GetRawUtf8Value(parameters).Length : 0;
        if (!scheduler.TryReserveBytes(paramsBytes))
        {
            logger.OverBudget(id.ToString(), paramsBytes, scheduler.InflightBytes, scheduler.MaxInflightBytes);
            return (JsonRpcReplies.Error(id, RpcErrors.Overloaded(scheduler.MaxInflightBytes, scheduler.InflightBytes, paramsBytes)), null);
        }

        if (!await scheduler.WaitForRoomAsync(stop).ConfigureAwait(false))
        {
            scheduler.ReleaseBytes(paramsBytes);
            return (JsonRpcReplies.Error(id, RpcErrors.Cancelled("The host is shutting down")), null);
        }

        // Cloned: the frame's JsonDocument is disposed as soon as the reader moves on.
        if (!scheduler.TryStart(id, message.Method, sink, method, message.Params?.Clone(), paramsBytes))
        {
            logger.InvalidRequest("duplicate id");
            return (JsonRpcReplies.Error(id, RpcErrors.InvalidRequest("the id is already used by a request in flight")), null);
        }

        return (null, null);
    }

    /// <summary>The lifecycle answers, given in frame order: <c>ping</c>, <c>initialize</c>, and -32002 before it.</summary>
    private bool TryAnswerInline(JsonRpcMessage message, out byte[] reply, out Action? answered)
    {
        var id = message.Id!.Value;
        answered = null;
        switch (message.Method)
        {
            case ProtocolNames.Ping:
                reply = JsonRpcReplies.Success(id, EmptyResultElement);
                return true;
            case ProtocolNames.Initialize:
                try
                {
                    var answer = methods.Initialize(message.Params);
                    reply = JsonRpcReplies.Success(id, answer.Result);
                    answered = answer.Answered;
                    initialized = true;
                }
                catch (JsonRpcException exception)
                {
                    reply = JsonRpcReplies.Error(id, exception.ToError());
                }

                return true;
            default:
                reply = initialized ? [] : JsonRpcReplies.Error(id, RpcErrors.NotInitialized());
                return !initialized;
        }
    }

    private void OnNotification(JsonRpcMessage message)
    {
        if (message.Method != ProtocolNames.CancelRequest)
        {
            logger.IgnoredNotification(LogText.Safe(message.Method));
            return;
        }

        try
        {
            var parameters = ParamsBinder.Bind(message.Params, HostJsonContext.Wire.CancelRequestParams);
            logger.CancelRequested(parameters.Id.ToString(), scheduler.TryCancel(parameters.Id));
        }
        catch (JsonRpcException)
        {
            logger.IgnoredNotification(message.Method);
        }
#pragma warning disable CA1031 // A notification has nobody to answer: a bug while reading it is logged, and the host goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.HostBug(
                LogText.Safe(message.Method),
                "(notification)",
                exception.GetType().FullName ?? "Exception",
                exception.StackTrace);
        }
    }

    /// <summary>
    /// Writes one frame, synchronously (see <see cref="LspFrameWriter"/>); a broken output (the client is gone) stops the host
    /// instead of throwing into handlers.
    /// </summary>
    private async ValueTask WriteFrameAsync(byte[] body)
    {
        try
        {
            writer.Write(body);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (!outputBroken.IsCancellationRequested)
            {
                logger.OutputBroken(exception.GetType().Name);
                await outputBroken.CancelAsync().ConfigureAwait(false);
            }
        }
    }
}
