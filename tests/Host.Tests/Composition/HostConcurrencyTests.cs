using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Hosting;

/// <summary>
/// Concurrency and cancellation against the real host, made deterministic with an HTTP server the test controls: every
/// sendMessage calls it, and the test decides when each call returns (or watches the host give up on it).
/// </summary>
public sealed class HostConcurrencyTests
{
    [Fact]
    public async Task Sixty_four_requests_run_at_once_and_are_answered_in_the_order_they_finish()
    {
        await using var server = new HoldingHttpServer();
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        await host.InitializeAsync();

        for (var i = 1; i <= 64; i++)
        {
            await host.SendAsync(Http(i, server, $"/call/{i}"));
        }

        // All 64 reach the server before any is answered: they are in flight together.
        var held = new Dictionary<int, HeldRequest>();
        for (var i = 0; i < 64; i++)
        {
            var request = await server.NextAsync();
            held.Add(int.Parse(request.Path["/call/".Length..], System.Globalization.CultureInfo.InvariantCulture), request);
        }

        // Finish them last-sent first; each answer must arrive before the next call is released.
        var answered = new List<int>();
        for (var i = 64; i >= 1; i--)
        {
            await held[i].RespondAsync($"body {i}");
            var answer = await host.ReadAsync();
            answered.Add(answer["id"]!.GetValue<int>());
            Assert.Equal($"body {answer["id"]}", answer["result"]!["body"]!.GetValue<string>());
        }

        Assert.Equal(Enumerable.Range(1, 64).Reverse(), answered);
    }

    [Fact]
    public async Task CancelRequest_is_answered_32800_and_the_token_aborts_the_connectors_http_call()
    {
        await using var server = new HoldingHttpServer();
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        await host.InitializeAsync();

        await host.SendAsync(Http("slow", server, "/slow"));
        var held = await server.NextAsync();
        await host.SendAsync(Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = "slow" }));
        var answer = await host.ReadAsync();
        var aborted = await held.ClientClosedWithinAsync(TimeSpan.FromSeconds(60));
        var after = await host.RequestAsync(Rpc.Request("after", "ping"));

        Assert.Equal(-32800, Rpc.ErrorCode(answer));
        Assert.Equal("\"slow\"", Rpc.Id(answer));
        Assert.True(aborted, "the connector's HTTP call was not aborted");
        Assert.NotNull(after["result"]);
    }

    [Fact]
    public async Task Cancelling_an_unknown_or_finished_request_is_ignored()
    {
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        await host.InitializeAsync();

        await host.SendAsync(Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = 12345 }));
        await host.SendAsync(Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = new JsonArray() }));
        var answer = await host.RequestAsync(Rpc.Request(1, "ping"));

        Assert.Equal("1", Rpc.Id(answer));
    }

    internal static string Http(object id, HoldingHttpServer server, string path) => Rpc.Request(id, "sendMessage", new JsonObject
    {
        ["to"] = "a@b.c",
        ["type"] = "Generic",
        ["payload"] = new JsonObject { ["behavior"] = "http", ["path"] = path },
        ["config"] = new JsonObject { ["apiKey"] = "k", ["url"] = server.BaseUri.ToString() },
    });
}
