namespace Host.TestHost;

/// <summary>
/// Misbehaviours for the liveness tests: a handler that spins forever ignoring cancellation, and one that caps the thread
/// pool and blocks every one of its threads (for a while, or forever), so nothing that needs the pool can run.
/// </summary>
internal static class ThreadPoolBlocker
{
    private static volatile bool spinning = true;

    public static void Spin()
    {
        while (spinning)
        {
            Thread.SpinWait(1_000);
        }
    }

    public static async Task BlockAllAsync(TimeSpan duration)
    {
        // A cap makes "every thread" a fixed number: without it the pool would keep injecting threads into the blockers.
        var threads = Math.Max(Environment.ProcessorCount, 2);
        ThreadPool.GetMaxThreads(out _, out var completionThreads);
        ThreadPool.SetMinThreads(1, 1);
        if (!ThreadPool.SetMaxThreads(threads, completionThreads))
        {
            throw new InvalidOperationException($"could not cap the thread pool at {threads} threads");
        }

        using var release = new ManualResetEventSlim();
        using var allBlocked = new CountdownEvent(threads);
        for (var i = 0; i < threads; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    allBlocked.Signal();
                    release.Wait();
                },
                null);
        }

        // Waited for on a thread of its own: this handler's own thread is one of the pool's.
        await Task.Factory.StartNew(
            () =>
            {
                allBlocked.Wait();
                Console.Error.WriteLine($"info: test connector: all {threads} thread-pool threads blocked");
                if (duration != Timeout.InfiniteTimeSpan)
                {
                    Thread.Sleep(duration);
                    release.Set();
                }
                else
                {
                    release.Wait();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
    }
}
