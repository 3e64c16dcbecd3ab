using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>A request being handled: its cancellation, where its answer goes, and a flag so it is answered exactly once.</summary>
internal sealed class InFlightRequest(RequestId id, string method, IReplySink sink) : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private int answered;

    public RequestId Id => id;

    public string Method => method;

    public IReplySink Sink => sink;

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
