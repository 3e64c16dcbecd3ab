using Microsoft.Extensions.DependencyInjection;

namespace Logto.ConnectorHost;

internal sealed class ConnectorHostBuilder(IServiceCollection services) : IConnectorHostBuilder
{
    public IServiceCollection Services => services;
}
