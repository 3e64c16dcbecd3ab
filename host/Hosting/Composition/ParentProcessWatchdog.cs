using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.ConnectorHost.Composition;

/// <summary>
/// Stops the host when its parent dies, so a crashed or killed Logto never leaves an orphaned host behind (the #2 complaint
/// about stdio plugins). Watches <see cref="ConnectorHostOptions.ParentProcessId"/> when given; otherwise, on Unix, notices the
/// host being re-parented (getppid() changes when the original parent exits).
/// </summary>
internal sealed partial class ParentProcessWatchdog(
    IOptions<ConnectorHostOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ParentGoneSignal parentGone,
    ILogger<ParentProcessWatchdog> logger)
    : BackgroundService
{
    private const int EPERM = 1;

    /// <summary>
    /// What <see cref="ConnectorHostRunner"/> runs on its own thread: <see cref="ExecuteAsync"/>, without the thread-pool hop
    /// of <see cref="BackgroundService.StartAsync"/>.
    /// </summary>
    internal Task RunAsync(CancellationToken stoppingToken) => ExecuteAsync(stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Func<bool> parentAlive;
        if (settings.ParentProcessId is { } parentId)
        {
            // When the given process is our own parent (as the bridge starts us), being re-parented also means it died: that
            // is seen at once, while kill(pid, 0) still succeeds until whoever started it reaps the zombie.
            var ownParent = !OperatingSystem.IsWindows() && GetParentProcessId() == parentId;
            parentAlive = () => IsRunning(parentId) && (!ownParent || GetParentProcessId() == parentId);
        }
        else if (!OperatingSystem.IsWindows())
        {
            var originalParent = GetParentProcessId();
            parentAlive = () => GetParentProcessId() == originalParent;
        }
        else
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.ParentPollInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!parentAlive())
                {
                    ParentGone(logger);
                    parentGone.Set();
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping for another reason.
        }
    }

    private static bool IsRunning(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var process = Process.GetProcessById(processId);
                return !process.HasExited;
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                return false;
            }
        }

        // Signal 0 checks without sending anything: ESRCH once the process is gone, EPERM while it runs as another user.
        return Kill(processId, 0) == 0 || Marshal.GetLastPInvokeError() == EPERM;
    }

    // libc is linked into the Native AOT host directly (DirectPInvoke in host/Cli), so these are plain calls, not dlopen probes.
    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);

    [LoggerMessage(201, LogLevel.Warning, "The parent process is gone; stopping, and cancelling requests in flight at once")]
    private static partial void ParentGone(ILogger logger);
}
