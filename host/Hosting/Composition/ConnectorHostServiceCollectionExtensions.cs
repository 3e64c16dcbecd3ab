using System.Diagnostics.CodeAnalysis;
using Logto.ConnectorHost;
using Logto.ConnectorHost.Composition;
using Logto.ConnectorHost.Connectors;
using Logto.ConnectorKit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>builder.Services.AddConnectorHost().AddConnector&lt;MyConnector&gt;()</c>: a stdio JSON-RPC host for connectors.</summary>
public static class ConnectorHostServiceCollectionExtensions
{
    /// <summary>
    /// Registers the host (served on <see cref="ConnectorHostStreams"/>, by default the captured stdio), the parent-process
    /// watchdog, and what connectors are built with: <c>IHttpClientFactory</c> and <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IConnectorHostBuilder AddConnectorHost(this IServiceCollection services, Action<ConnectorHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConnectorHostOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddHttpClient();
        // No redirects (see PooledHttpClientFactory), and none of the factory's own request logging: it logs every failed
        // request with its exception's stack trace, where the connector already logs the failure in one line with its cause.
        services.ConfigureHttpClientDefaults(client => client
            .ConfigurePrimaryHttpMessageHandler(PooledHttpClientFactory.CreateHandler)
            .RemoveAllLoggers());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ConnectorHostStreams.CaptureStdio());
        services.TryAddSingleton(provider => new ConnectorRegistry(provider.GetServices<IConnector>()));
        services.TryAddSingleton<ParentGoneSignal>();
        services.AddHostedService<ConnectorHostService>();
        services.AddHostedService<ParentProcessWatchdog>();

        // The host's own stop must outlast the grace period it gives requests in flight.
        services.AddOptions<HostOptions>().Configure<IOptions<ConnectorHostOptions>>(
            (host, connectorHost) => host.ShutdownTimeout = connectorHost.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5));
        services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        return new ConnectorHostBuilder(services);
    }

    /// <summary>Serves <typeparamref name="TConnector"/> (a singleton built by DI), addressed by its <c>Descriptor.Id</c>.</summary>
    public static IConnectorHostBuilder AddConnector<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TConnector>(
        this IConnectorHostBuilder builder)
        where TConnector : class, IConnector
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TConnector>();
        builder.Services.AddSingleton<IConnector>(provider => provider.GetRequiredService<TConnector>());
        return builder;
    }

    /// <summary>
    /// Serves on <paramref name="streams"/> (e.g. the stdio captured first thing in <c>Main</c>) instead of capturing stdio
    /// lazily.
    /// </summary>
    public static IConnectorHostBuilder WithStreams(this IConnectorHostBuilder builder, ConnectorHostStreams streams)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(streams);
        builder.Services.Replace(ServiceDescriptor.Singleton(streams));
        return builder;
    }
}
