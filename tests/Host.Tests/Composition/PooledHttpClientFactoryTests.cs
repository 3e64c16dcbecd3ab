using Host.Tests.Support;
using Logto.ConnectorHost.Composition;

namespace Host.Tests.Hosting;

public sealed class PooledHttpClientFactoryTests
{
    [Fact]
    public async Task Clients_share_one_handler_that_outlives_each_disposed_client()
    {
        await using var server = new HoldingHttpServer();
        using var factory = new PooledHttpClientFactory();

        for (var i = 0; i < 3; i++)
        {
            using var client = factory.CreateClient("any");
            var call = client.GetStringAsync(server.BaseUri);
            await (await server.NextAsync()).RespondAsync($"answer {i}");
            Assert.Equal($"answer {i}", await call);
        }
    }

    [Fact]
    public async Task Disposing_the_factory_disposes_the_handler_its_clients_use()
    {
        var factory = new PooledHttpClientFactory();
        using var client = factory.CreateClient("any");

        factory.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetStringAsync(new Uri("http://127.0.0.1:9/")));
    }
}
