using System.Reflection;
using Logto.ConnectorHost.Connectors;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.ConnectorHost.Composition;

/// <summary>Runs the dispatcher on the host's streams; when it ends (end of input, stop, broken output) the application stops.</summary>
internal sealed class ConnectorHostService(
    ConnectorHostStreams streams,
    ConnectorRegistry registry,
    IOptions<ConnectorHostOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ParentGoneSignal parentGone,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>
    /// What <see cref="ConnectorHostRunner"/> runs on its own thread: <see cref="ExecuteAsync"/>, without the thread-pool hop
    /// of <see cref="BackgroundService.StartAsync"/>.
    /// </summary>
    internal Task RunAsync(CancellationToken stoppingToken) => ExecuteAsync(stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        settings.Validate();
        var logger = loggerFactory.CreateLogger("Logto.ConnectorHost");

        // The input reader is never completed: the pump thread may still be blocked in a read of the input.
        var input = InputPump.Start(streams.Input, settings.MaxFrameBytes);
        var methods = new ConnectorMethods(registry, settings.HostName, settings.HostVersion ?? EntryVersion(), logger);
        using var writer = new LspFrameWriter(streams.Output);
        using var dispatcher = new JsonRpcDispatcher(
            new LspFrameReader(input, settings.MaxFrameBytes), writer, methods, DispatcherLimits.From(settings), timeProvider, logger);
        try
        {
            await dispatcher.RunAsync(stoppingToken, parentGone.Token).ConfigureAwait(false);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private static string EntryVersion() =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
