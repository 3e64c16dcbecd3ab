using System.Collections.Concurrent;
using System.Net;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Five_hundred_sends_at_32_concurrent_become_500_distinct_outbox_messages_in_answer_order()
    {
        await using var sandbox = await AliyunSandbox.StartAsync();
        using var client = new HttpClient();
        var answered = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
        {
            using var response = await client.PostAsync(
                sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(to: $"user{i}@example.com")), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answered.Add((await response.ReadJsonAsync()).Text("EnvId"));
        });

        var outbox = sandbox.Outbox;
        Assert.Equal(500, outbox.Select(m => m.EnvId).Distinct().Count());
        Assert.Equal(answered.Order(), outbox.Select(m => m.EnvId).Order());
        Assert.Equal(500, outbox.Select(m => m.ToAddress).Distinct().Count());
        Assert.Equal(500, sandbox.Exchanges.Count(e => e.Outcome == "accepted"));
    }
}
