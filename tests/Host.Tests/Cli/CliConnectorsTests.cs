using Logto.ConnectorHost;
using Logto.ConnectorHost.Cli;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Host.Tests.Cli;

/// <summary>The CLI's registration: each connector logs under its type's full name, as the generic host would name it.</summary>
public sealed class CliConnectorsTests
{
    [Fact]
    public void Each_connector_logs_under_its_types_full_name()
    {
        var factory = new RecordingLoggerFactory();
        using var dependencies = new ConnectorDependencies(factory);

        var connectors = CliConnectors.Create(dependencies);

        Assert.Equal(connectors.Select(connector => connector.GetType().FullName), factory.Categories);
    }

    private sealed class RecordingLoggerFactory : ILoggerFactory
    {
        public List<string> Categories { get; } = [];

        public ILogger CreateLogger(string categoryName)
        {
            Categories.Add(categoryName);
            return NullLogger.Instance;
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
