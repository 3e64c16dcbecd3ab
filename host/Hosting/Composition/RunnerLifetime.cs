using Microsoft.Extensions.Hosting;

namespace Logto.ConnectorHost.Composition;

/// <summary>
/// The <see cref="IHostApplicationLifetime"/> of <see cref="ConnectorHostRunner"/>: three one-shot signals, built on public
/// API only (the generic host's own implementation is an internal type of the hosting package, which may change in any
/// release).
/// </summary>
internal sealed class RunnerLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource started = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource stopped = new();

    public CancellationToken ApplicationStarted => started.Token;

    public CancellationToken ApplicationStopping => stopping.Token;

    public CancellationToken ApplicationStopped => stopped.Token;

    /// <summary>Safe to call from any thread, any number of times; callbacks run once, on the first call.</summary>
    public void StopApplication()
    {
        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A signal or a failing service after the runner has finished: nothing left to stop.
        }
    }

    public void NotifyStarted() => started.Cancel();

    public void NotifyStopped() => stopped.Cancel();

    public void Dispose()
    {
        started.Dispose();
        stopping.Dispose();
        stopped.Dispose();
    }
}
