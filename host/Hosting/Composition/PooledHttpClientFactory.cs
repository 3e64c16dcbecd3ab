namespace Logto.ConnectorHost.Composition;

/// <summary>
/// <see cref="IHttpClientFactory"/> without a container: every client shares one <see cref="SocketsHttpHandler"/>, created on
/// first use, whose pooled connections are renewed every 2 minutes so DNS changes are seen; the alternative to the factory
/// that .NET's HttpClient guidelines give for long-lived processes
/// (https://learn.microsoft.com/dotnet/fundamentals/networking/http/httpclient-guidelines). Redirects are never followed:
/// a connector's requests are signed for the address it chose, and .NET would re-send a 307/308 with the same body.
/// </summary>
internal sealed class PooledHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly Lazy<SocketsHttpHandler> handler = new(CreateHandler);

    /// <summary>The handler every connector request goes through, in both compositions (the runner's and the generic host's).</summary>
    internal static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
    };

    public HttpClient CreateClient(string name) => new(handler.Value, disposeHandler: false);

    public void Dispose()
    {
        if (handler.IsValueCreated)
        {
            handler.Value.Dispose();
        }
    }
}
