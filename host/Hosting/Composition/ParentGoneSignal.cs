namespace Logto.ConnectorHost.Composition;

/// <summary>
/// Set by <see cref="ParentProcessWatchdog"/> when the parent process is gone. Nobody is left to read an answer then, so the
/// shutdown cancels requests in flight at once instead of giving them the grace period (a host stuck in a slow send would
/// otherwise outlive a killed Logto by that long).
/// </summary>
internal sealed class ParentGoneSignal : IDisposable
{
    private readonly CancellationTokenSource gone = new();

    public CancellationToken Token => gone.Token;

    public void Set() => gone.Cancel();

    public void Dispose() => gone.Dispose();
}
