using System.Runtime.InteropServices;
using Logto.ConnectorHost.Composition;
using Logto.ConnectorHost.Connectors;
using Logto.ConnectorHost.Logging;
using Logto.ConnectorKit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.ConnectorHost;

/// <summary>
/// Serves connectors without a DI container: the hosted services <c>AddConnectorHost()</c> registers with the generic host,
/// built by hand and started and stopped the way the generic host does (SIGTERM and Ctrl+C stop it; the stop waits the grace
/// period plus 5 s). This is what the CLI's <c>serve</c> runs. Why not the generic host there: under Native AOT the container
/// builds its open generics (<c>ILogger&lt;T&gt;</c>, <c>IOptions&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>) with the run-time
/// type loader, which would be most of the host's CPU from spawn to the first answer.
/// </summary>
public static partial class ConnectorHostRunner
{
    /// <summary>
    /// Serves until end of input, a stop signal, the parent's death or <paramref name="cancellationToken"/>; returns the exit
    /// code.
    /// </summary>
    public static async Task<int> RunAsync(
        IEnumerable<IConnector> connectors,
        ConnectorHostOptions options,
        ConnectorHostStreams streams,
        ConnectorDependencies dependencies,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(dependencies);
        options.Validate();
        var loggerFactory = dependencies.LoggerFactory;
        var logger = loggerFactory.CreateLogger("Logto.ConnectorHost");
        using var lifetime = new RunnerLifetime();
        using var parentGone = new ParentGoneSignal();
        var settings = Options.Create(options);
        var hostService = new ConnectorHostService(
            streams,
            new ConnectorRegistry(connectors),
            settings,
            dependencies.TimeProvider,
            lifetime,
            parentGone,
            loggerFactory);
        var watchdog = new ParentProcessWatchdog(
            settings,
            dependencies.TimeProvider,
            lifetime,
            parentGone,
            loggerFactory.CreateLogger<ParentProcessWatchdog>(ParentProcessWatchdog.LogCategory));

        // SIGTERM and SIGINT are handled before anything is answered, so a stop requested at any time after the first answer
        // is graceful. Then each service runs on this thread up to its first wait, as BackgroundService.StartAsync would run it
        // on the thread pool: the input pump and the initialize answer come first, with no pool thread started before them;
        // the watchdog's timer follows (it learnt who the parent is when it was built).
        using var stopped = cancellationToken.Register(lifetime.StopApplication);
        var failed = false;
        using var serviceStop = new CancellationTokenSource();
        var services = new List<(string Name, Task Running)>();
        using var sigterm = OnSignal(PosixSignal.SIGTERM, lifetime);
        using var sigint = OnSignal(PosixSignal.SIGINT, lifetime);
        Start(nameof(ConnectorHostService), hostService.RunAsync);
        Start(nameof(ParentProcessWatchdog), watchdog.RunAsync);
        var watching = services.Select(service => WatchAsync(service.Name, service.Running)).ToList();

        lifetime.NotifyStarted();
        await WhenCancelled(lifetime.ApplicationStopping).ConfigureAwait(false);

        // Like BackgroundService.StopAsync: the services are told to stop, and waited for no longer than the grace period plus
        // 5 s; what outlives that is abandoned (exit code 1) rather than waited for.
        var stopLimit = options.ShutdownGracePeriod + TimeSpan.FromSeconds(5);
        using var stopTimeout = new CancellationTokenSource(stopLimit);
        try
        {
            await serviceStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(watching).WaitAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopTimeout.IsCancellationRequested)
        {
            StopTimedOut(logger, (long)stopLimit.TotalMilliseconds);
            return 1;
        }

        lifetime.NotifyStopped();
        hostService.Dispose();
        watchdog.Dispose();

        return failed ? 1 : 0;

        void Start(string name, Func<CancellationToken, Task> run)
        {
            Task running;
            try
            {
                running = run(serviceStop.Token);
            }
#pragma warning disable CA1031 // A service that fails while starting is treated like one that fails later.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                running = Task.FromException(exception);
            }

            services.Add((name, running));
        }

        // Like the generic host's default (BackgroundServiceExceptionBehavior.StopHost): a service that fails stops the host.
        async Task WatchAsync(string name, Task running)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // Any failure of a service is logged and ends the host with exit code 1.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                ServiceFailed(logger, name, exception);
                failed = true;
                lifetime.StopApplication();
            }
        }
    }

    private static PosixSignalRegistration OnSignal(PosixSignal signal, RunnerLifetime lifetime) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            // Handled: the process stops once the services have drained, not at once.
            context.Cancel = true;
            lifetime.StopApplication();
        });

    private static Task WhenCancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }

    [LoggerMessage(301, LogLevel.Critical, "{Service} failed; stopping the host")]
    private static partial void ServiceFailed(ILogger logger, string service, Exception exception);

    [LoggerMessage(302, LogLevel.Error, "The host did not stop within {StopLimitMs} ms; exiting without waiting any longer")]
    private static partial void StopTimedOut(ILogger logger, long stopLimitMs);
}
