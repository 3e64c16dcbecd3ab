using System.Text.Json;
using Logto.ConnectorHost.Protocol;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// Runs requests concurrently within the dispatcher's bounds and answers each exactly once: with its result, its error,
/// -32800 when cancelled, or -32800 on its behalf when it ignores cancellation at shutdown.
/// <see cref="DispatcherLimits.MaxPendingRequests"/> bounds accepted-but-unanswered requests (the reader waits beyond it, so
/// <c>$/cancelRequest</c> still gets through); <see cref="DispatcherLimits.MaxConcurrentRequests"/> bounds running handlers;
/// <see cref="DispatcherLimits.MaxInflightBytes"/> bounds the params they hold together (a request over it is refused, not queued).
/// </summary>
internal sealed class RequestScheduler : IDisposable
{
    private readonly DispatcherLimits limits;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly InFlightTable inFlight = new();
    private readonly SemaphoreSlim pendingSlots;
    private readonly SemaphoreSlim runningSlots;
    private long inflightBytes;

    public RequestScheduler(DispatcherLimits limits, TimeProvider timeProvider, ILogger logger)
    {
        this.limits = limits;
        this.timeProvider = timeProvider;
        this.logger = logger;
        pendingSlots = new SemaphoreSlim(limits.MaxPendingRequests, limits.MaxPendingRequests);
        runningSlots = new SemaphoreSlim(limits.MaxConcurrentRequests, limits.MaxConcurrentRequests);
    }

    public int Count => inFlight.Count;

    public long InflightBytes => Interlocked.Read(ref inflightBytes);

    public long MaxInflightBytes => limits.MaxInflightBytes;

    /// <summary>
    /// Reserves room for a request's params; false, nothing reserved, when they would take the total over the budget. Only
    /// the reader reserves (handlers only give back), so the check and the add cannot be overtaken.
    /// </summary>
    public bool TryReserveBytes(long bytes)
    {
        if (Interlocked.Read(ref inflightBytes) + bytes > limits.MaxInflightBytes)
        {
            return false;
        }

        Interlocked.Add(ref inflightBytes, bytes);
        return true;
    }

    public void ReleaseBytes(long bytes) => Interlocked.Add(ref inflightBytes, -bytes);

    /// <summary>Waits for room for one more request; false when <paramref name="stop"/> fires first.</summary>
    public async Task<bool> WaitForRoomAsync(CancellationToken stop)
    {
        try
        {
            await pendingSlots.WaitAsync(stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts a request (after <see cref="TryReserveBytes"/> and <see cref="WaitForRoomAsync"/>); false, with the room and the
    /// bytes given back, when its id is in flight.
    /// </summary>
    public bool TryStart(RequestId id, string method, IReplySink sink, RpcMethod handler, JsonElement? parameters, long paramsBytes)
    {
        var request = new InFlightRequest(id, method, sink, paramsBytes);
        if (!inFlight.TryAdd(request))
        {
            pendingSlots.Release();
            ReleaseBytes(paramsBytes);
            request.Dispose();
            return false;
        }

        request.Completion = RunAsync(request, handler, parameters);
        return true;
    }

    public bool TryCancel(RequestId id) => inFlight.TryCancel(id);

    public void Dispose()
    {
        pendingSlots.Dispose();
        runningSlots.Dispose();
    }

    private async Task RunAsync(InFlightRequest request, RpcMethod method, JsonElement? parameters)
    {
        await Task.Yield(); // the reader goes on while the handler runs
        var started = timeProvider.GetTimestamp();
        byte[] reply;
        string outcome;
        try
        {
            await runningSlots.WaitAsync(request.Token).ConfigureAwait(false);
            try
            {
                var result = await method(parameters, request.Token).ConfigureAwait(false);
                reply = JsonRpcReplies.Success(request.Id, result);
                outcome = "result";
            }
            finally
            {
                runningSlots.Release();
            }
        }
        catch (OperationCanceledException) when (request.Token.IsCancellationRequested)
        {
            reply = JsonRpcReplies.Error(request.Id, RpcErrors.Cancelled());
            outcome = "cancelled";
        }
        catch (JsonRpcException exception)
        {
            reply = JsonRpcReplies.Error(request.Id, exception.ToError());
            outcome = exception.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
#pragma warning disable CA1031 // Any other failure is a bug: answered as a generic internal error, never with its details.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.HostBug(request.Method, request.Id.ToString(), exception.GetType().FullName ?? "Exception", exception.StackTrace);
            reply = JsonRpcReplies.Error(request.Id, RpcErrors.Internal());
            outcome = "internal error";
        }
        finally
        {
            inFlight.Remove(request);
            pendingSlots.Release();
            ReleaseBytes(request.ParamsBytes);
        }

        if (request.TryClaimAnswer())
        {
            logger.Answered(request.Method, request.Id.ToString(), outcome, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            await request.Sink.ReplyAsync(reply).ConfigureAwait(false);
        }

        request.Dispose();
    }

    /// <summary>
    /// Grace period (cut short by <paramref name="abandon"/>), then cancellation, then -32800 on behalf of handlers that
    /// ignore their token.
    /// </summary>
    public async Task DrainAsync(CancellationToken abandon = default)
    {
        var pending = inFlight.Snapshot();
        if (pending.Count == 0)
        {
            return;
        }

        var all = Task.WhenAll(pending.Select(request => request.Completion));
        if (await CompletesWithinAsync(all, limits.ShutdownGracePeriod, abandon).ConfigureAwait(false))
        {
            return;
        }

        if (abandon.IsCancellationRequested)
        {
            logger.Abandoned(inFlight.Count);
        }
        else
        {
            logger.GraceExpired(inFlight.Count, limits.ShutdownGracePeriod.TotalMilliseconds);
        }

        inFlight.CancelAll();
        if (await CompletesWithinAsync(all, DispatcherLimits.CancellationGracePeriod, CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }

        var stragglers = inFlight.Snapshot().Where(request => request.TryClaimAnswer()).ToList();
        logger.AnsweredOnBehalf(stragglers.Count);
        foreach (var request in stragglers)
        {
            await request.Sink.ReplyAsync(JsonRpcReplies.Error(request.Id, RpcErrors.Cancelled("The host is shutting down")))
                .ConfigureAwait(false);
        }
    }

    private async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout, CancellationToken abandon = default)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, abandon);
        try
        {
            await task.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
            return false;
        }

        return true;
    }
}
