namespace Connector.Tests.Sandbox.Support;

/// <summary>
/// The system clock, plus a signal when a timer of <paramref name="watched"/> is created: given to a sandbox, it tells a test
/// that a Delay fault of that length is now holding a request (the sandbox waits with Task.Delay on its TimeProvider), so
/// the test can act on that event instead of sleeping and hoping the request got there.
/// </summary>
internal sealed class TimerWatch(TimeSpan watched) : TimeProvider
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first timer of the watched length is created.</summary>
    public Task Started => started.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = System.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watched)
        {
            started.TrySetResult();
        }

        return timer;
    }
}
