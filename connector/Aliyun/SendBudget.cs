namespace Logto.Connector.Aliyun;

/// <summary>
/// What bounds one <c>sendMessage</c>: the caller's cancellation and the per-call timeout, which covers every attempt and the
/// waits between them. The caller wins when both fire.
/// </summary>
internal sealed class SendBudget : IDisposable
{
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource linked;

    public SendBudget(TimeSpan limit, TimeProvider timeProvider, CancellationToken callerToken)
    {
        Limit = limit;
        CallerToken = callerToken;
        timeout = new CancellationTokenSource(limit, timeProvider);
        linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, timeout.Token);
    }

    public TimeSpan Limit { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Cancelled when the caller cancels or the time is up.</summary>
    public CancellationToken Token => linked.Token;

    public bool CallerCancelled => CallerToken.IsCancellationRequested;

    public bool TimedOut => timeout.IsCancellationRequested && !CallerCancelled;

    public void Dispose()
    {
        linked.Dispose();
        timeout.Dispose();
    }
}
