using Host.TestHost;
using Logto.ConnectorHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Same composition as the real CLI's `serve`, with test connectors and settings from the command line.
var stdio = ConnectorHostStreams.CaptureStdio();
var settings = TestHostSettings.Parse(args);
var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddConnectorHostConsole(settings.LogLevel);
var connectors = builder.Services.AddConnectorHost(settings.Apply).WithStreams(stdio);
foreach (var id in settings.Connectors)
{
    _ = id switch
    {
        TestConnector.Id => connectors.AddConnector<TestConnector>(),
        SecondConnector.Id => connectors.AddConnector<SecondConnector>(),
        _ => throw new ArgumentException($"unknown test connector '{id}'"),
    };
}

await builder.Build().RunAsync();
return 0;
