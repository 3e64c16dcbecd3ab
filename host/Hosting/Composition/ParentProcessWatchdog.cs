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
internal sealed partial class ParentProcessWatchdog : BackgroundService
{
    /// <summary>This type's full name, the log category the generic host would give it (a test holds them equal).</summary>
    internal const string LogCategory = "Logto.ConnectorHost.Composition.ParentProcessWatchdog";

    private const int EPERM = 1;

    private readonly ConnectorHostOptions settings;
    private readonly TimeProvider timeProvider;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ParentGoneSignal parentGone;
    private readonly ILogger<ParentProcessWatchdog> logger;

    // Who the parent is, learnt when the watchdog is built, before the host answers anything: a parent that dies right
    // after its first answer must still be seen to go, not mistaken for the process that adopted the host.
    private readonly Func<bool>? parentAlive;

    public ParentProcessWatchdog(
        IOptions<ConnectorHostOptions> options,
        TimeProvider timeProvider,
        IHostApplicationLifetime lifetime,
        ParentGoneSignal parentGone,
        ILogger<ParentProcessWatchdog> logger)
    {
        settings = options.Value;
        this.timeProvider = timeProvider;
        this.lifetime = lifetime;
        this.parentGone = parentGone;
        this.logger = logger;
        parentAlive = ParentAliveCheck(settings.ParentProcessId);
    }

    /// <summary>
    /// What <see cref="ConnectorHostRunner"/> runs on its own thread: <see cref="ExecuteAsync"/>, without the thread-pool hop
    /// of <see cref="BackgroundService.StartAsync"/>.
    /// </summary>
    internal Task RunAsync(CancellationToken stoppingToken) => ExecuteAsync(stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (parentAlive is null)
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

    private static Func<bool>? ParentAliveCheck(int? parentProcessId)
    {
        if (parentProcessId is { } parentId)
        {
            // When the given process is our own parent (as the bridge starts us), being re-parented also means it died: that
            // is seen at once, while kill(pid, 0) still succeeds until whoever started it reaps the zombie.
            var ownParent = !OperatingSystem.IsWindows() && GetParentProcessId() == parentId;
            return () => IsRunning(parentId) && (!ownParent || GetParentProcessId() == parentId);
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var originalParent = GetParentProcessId();
        return () => GetParentProcessId() == originalParent;
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
