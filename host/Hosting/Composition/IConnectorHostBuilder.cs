using Microsoft.Extensions.DependencyInjection;

namespace Logto.ConnectorHost;

/// <summary>Returned by <c>AddConnectorHost()</c>: add connectors with <c>AddConnector&lt;T&gt;()</c>.</summary>
public interface IConnectorHostBuilder
{
    IServiceCollection Services { get; }
}
