namespace Logto.ConnectorHost.Hosting;

/// <summary>
/// <see cref="IHttpClientFactory"/> without a container: every client shares one <see cref="SocketsHttpHandler"/>, created on
/// first use, whose pooled connections are renewed every 2 minutes so DNS changes are seen; the alternative to the factory
/// that .NET's HttpClient guidelines give for long-lived processes
/// (https://learn.microsoft.com/dotnet/fundamentals/networking/http/httpclient-guidelines).
/// </summary>
internal sealed class PooledHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly Lazy<SocketsHttpHandler> handler = new(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    public HttpClient CreateClient(string name) => new(handler.Value, disposeHandler: false);

    public void Dispose()
    {
        if (handler.IsValueCreated)
        {
            handler.Value.Dispose();
        }
    }
}
