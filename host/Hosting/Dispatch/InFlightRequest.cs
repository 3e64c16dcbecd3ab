using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// A request being handled: its cancellation, where its answer goes, a flag so it is answered exactly once, and the bytes of
/// params it holds (counted against the in-flight budget until it finishes).
/// </summary>
internal sealed class InFlightRequest(RequestId id, string method, IReplySink sink, long paramsBytes) : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private int answered;

    public RequestId Id => id;

    public string Method => method;

    public IReplySink Sink => sink;

    public long ParamsBytes => paramsBytes;

    public CancellationToken Token => cancellation.Token;

    /// <summary>The handler's task; set right after the request is registered.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    public void Cancel()
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished in the meantime.
        }
    }

    /// <summary>True for the first caller only: the handler, or the host answering on its behalf at shutdown.</summary>
    public bool TryClaimAnswer() => Interlocked.Exchange(ref answered, 1) == 0;

    public void Dispose() => cancellation.Dispose();
}
