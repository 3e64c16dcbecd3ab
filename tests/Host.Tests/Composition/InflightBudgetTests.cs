using System.Text;
using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Hosting;

/// <summary>
/// Issue 11, item 4: requests in flight hold their params until answered, so their bytes together are capped. A request that
/// would go over is answered -32001 at once with the figures; requests in flight and later ones are not disturbed.
/// </summary>
public sealed class InflightBudgetTests
{
    private const int Budget = 1000;

    [Fact]
    public async Task A_request_over_the_in_flight_budget_is_refused_at_once_and_nothing_else_is_disturbed()
    {
        await using var host = HostProcess.StartTestHost(
            "--connectors", "test", "--max-inflight-bytes", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await host.InitializeAsync();
        var held = Send(new JsonObject { ["behavior"] = "delay", ["delayMs"] = 600_000, ["pad"] = new string('p', 500) });
        var large = Validate(new string('k', 500));
        var small = Validate("k");

        await host.SendAsync(Rpc.Request("held", "sendMessage", held.DeepClone()));
        var refused = await host.RequestAsync(Rpc.Request("large", "validateConfig", large.DeepClone()));
        var fitting = await host.RequestAsync(Rpc.Request("small", "validateConfig", small));
        await host.SendAsync(Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = "held" }));
        var cancelled = await host.ReadAsync();
        var retried = await host.RequestAsync(Rpc.Request("large-again", "validateConfig", large.DeepClone()));

        Assert.Equal("\"large\"", Rpc.Id(refused));
        Assert.Equal(-32001, Rpc.ErrorCode(refused));
        var data = refused["error"]!["data"]!;
        Assert.Equal(Budget, data["maxInflightBytes"]!.GetValue<long>());
        Assert.Equal(Bytes(held), data["inflightBytes"]!.GetValue<long>());
        Assert.Equal(Bytes(large), data["paramsBytes"]!.GetValue<long>());
        Assert.Equal(new JsonObject(), fitting["result"], JsonNode.DeepEquals);
        Assert.Equal(("\"held\"", -32800), (Rpc.Id(cancelled), Rpc.ErrorCode(cancelled)));
        Assert.Equal(new JsonObject(), retried["result"], JsonNode.DeepEquals);
        Assert.Contains("over the 1000-byte budget", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_sets_the_budget_with_max_inflight_bytes()
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve", "--max-inflight-bytes", "100"]);
        await host.InitializeAsync();

        var refused = await host.RequestAsync(Rpc.Request("large", "validateConfig", Validate(new string('k', 200))));

        Assert.Equal(-32001, Rpc.ErrorCode(refused));
        Assert.Equal(100, refused["error"]!["data"]!["maxInflightBytes"]!.GetValue<long>());
    }

    private static JsonObject Send(JsonObject payload) => new()
    {
        ["to"] = "a@example.com",
        ["type"] = "Generic",
        ["payload"] = payload,
        ["config"] = new JsonObject { ["apiKey"] = "k" },
    };

    private static JsonObject Validate(string apiKey) => new() { ["config"] = new JsonObject { ["apiKey"] = apiKey } };

    /// <summary>
    /// The params' size as the host measures it: the bytes of their JSON in the frame (written as Rpc.Request writes them).
    /// </summary>
    private static long Bytes(JsonNode parameters) => Encoding.UTF8.GetByteCount(parameters.ToJsonString());
}
