using Logto.ConnectorHost.Composition;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost;

/// <summary>
/// What connectors are built with when no DI container builds them (<see cref="ConnectorHostRunner"/>, the CLI): the log, HTTP
/// clients over one pooled handler, and the clock. The counterparts of what <c>AddConnectorHost()</c> registers.
/// </summary>
public sealed class ConnectorDependencies : IDisposable
{
    private readonly PooledHttpClientFactory httpClientFactory = new();

    public ConnectorDependencies(ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        LoggerFactory = loggerFactory;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    public ILoggerFactory LoggerFactory { get; }

    public IHttpClientFactory HttpClientFactory => httpClientFactory;

    public TimeProvider TimeProvider { get; }

    public void Dispose() => httpClientFactory.Dispose();
}
