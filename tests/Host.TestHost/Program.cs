using Host.TestHost;
using Logto.ConnectorHost;
using Logto.ConnectorHost.Logging;
using Logto.ConnectorKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The real CLI's `serve` composition (ConnectorHostRunner, no container) with test connectors and settings from the command
// line; `--composition generic-host` serves through AddConnectorHost() in the generic host instead, as an embedder would.
var stdio = ConnectorHostStreams.CaptureStdio();
var settings = TestHostSettings.Parse(args);
if (settings.Composition == TestHostSettings.GenericHost)
{
    var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
        new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
    builder.Logging.AddConnectorHostStderr(settings.LogLevel);
    var host = builder.Services.AddConnectorHost(settings.Apply).WithStreams(stdio);
    foreach (var id in settings.Connectors)
    {
        _ = id switch
        {
            TestConnector.Id => host.AddConnector<TestConnector>(),
            SecondConnector.Id => host.AddConnector<SecondConnector>(),
            _ => throw new ArgumentException($"unknown test connector '{id}'"),
        };
    }

    await builder.Build().RunAsync();
    return 0;
}

using var dependencies = new ConnectorDependencies(StderrLoggerProvider.CreateFactory(settings.LogLevel));
var options = new ConnectorHostOptions();
settings.Apply(options);
var connectors = settings.Connectors.Select(id => id switch
{
    TestConnector.Id => (IConnector)new TestConnector(dependencies.HttpClientFactory, dependencies.TimeProvider),
    SecondConnector.Id => new SecondConnector(),
    _ => throw new ArgumentException($"unknown test connector '{id}'"),
});
return await ConnectorHostRunner.RunAsync(connectors, options, stdio, dependencies);
