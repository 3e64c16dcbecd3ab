using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli;

/// <summary>The connectors this executable serves: the one place to add another (no assembly is loaded at run time).</summary>
internal static class CliConnectors
{
    public static IConnectorHostBuilder AddTo(IConnectorHostBuilder host) => host.AddConnector<AliyunDirectMailConnector>();

    /// <summary>Where a connector's config schema lies in its npm package (the manifest's <c>configSchema</c>).</summary>
    public static string ConfigSchemaPath(string connectorId) => connectorId == AliyunDirectMailMetadata.Id
        ? AliyunDirectMailMetadata.ConfigSchemaPath
        : $"./schema/{connectorId}.config.schema.json";

    /// <summary>The connectors built as <c>serve</c> builds them (same DI registrations), for the one-shot commands.</summary>
    public static ServiceProvider BuildServices(LogLevel logLevel)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConnectorHostConsole(logLevel));
        AddTo(services.AddConnectorHost());
        return services.BuildServiceProvider();
    }

    /// <summary>The connector <paramref name="connectorId"/> names (or the only one); null after telling the user why not.</summary>
    public static IConnector? Select(IServiceProvider services, string? connectorId, TextWriter error)
    {
        var connectors = services.GetServices<IConnector>().ToList();
        var known = string.Join(", ", connectors.Select(connector => connector.Descriptor.Id));
        if (connectorId is null)
        {
            if (connectors.Count == 1)
            {
                return connectors[0];
            }

            error.WriteLine($"error: this host serves several connectors ({known}); choose one with --connector");
            return null;
        }

        var match = connectors.FirstOrDefault(connector => connector.Descriptor.Id == connectorId);
        if (match is null)
        {
            error.WriteLine($"error: no connector '{connectorId}'; this host serves: {known}");
        }

        return match;
    }
}
