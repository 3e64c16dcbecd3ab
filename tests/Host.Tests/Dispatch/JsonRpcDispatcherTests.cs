using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorKit;

namespace Host.Tests.Dispatch;

/// <summary>The dispatcher over in-memory pipes with scripted connectors: ordering, concurrency, cancellation and drain.</summary>
public sealed class JsonRpcDispatcherTests
{
    [Fact]
    public async Task Requests_finishing_out_of_order_are_answered_as_they_finish()
    {
        var gates = new ConcurrentDictionary<string, TaskCompletionSource>();
        var connector = new ScriptedConnector(send: async (call, _) =>
        {
            await gates.GetOrAdd(call.Data.To, _ => new TaskCompletionSource()).Task;
            return JsonSerializer.SerializeToElement(new JsonObject { ["to"] = call.Data.To });
        });
        await using var host = new DispatcherHarness(connector);
        await host.InitializeAsync();

        await host.SendAsync(Send(1, "first"));
        await host.SendAsync(Send(2, "second"));
        gates.GetOrAdd("second", _ => new TaskCompletionSource()).SetResult();
        var answeredFirst = await host.ReadAsync();
        gates.GetOrAdd("first", _ => new TaskCompletionSource()).SetResult();
        var answeredSecond = await host.ReadAsync();

        Assert.Equal("2", Rpc.Id(answeredFirst));
        Assert.Equal("second", answeredFirst["result"]!["to"]!.GetValue<string>());
        Assert.Equal("1", Rpc.Id(answeredSecond));
    }

    [Fact]
    public async Task Handlers_beyond_the_concurrency_bound_wait_for_a_slot()
    {
        var running = 0;
        var peak = 0;
        var release = new TaskCompletionSource();
        var started = new SemaphoreSlim(0);
        var connector = new ScriptedConnector(send: async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            started.Release();
            await release.Task;
            Interlocked.Decrement(ref running);
            return JsonSerializer.SerializeToElement(new JsonObject());
        });
        await using var host = new DispatcherHarness([connector], new DispatcherLimits(2, 16, TimeSpan.FromSeconds(5)));
        await host.InitializeAsync();

        for (var i = 1; i <= 5; i++)
        {
            await host.SendAsync(Send(i, "x"));
        }

        await started.WaitAsync(TimeSpan.FromSeconds(60));
        await started.WaitAsync(TimeSpan.FromSeconds(60));
        await host.RequestAsync(Rpc.Request(99, "ping"));
        var peakWhileBlocked = Volatile.Read(ref peak);
        release.SetResult();
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull((await host.ReadAsync())["result"]);
        }

        Assert.Equal(2, peakWhileBlocked);
        Assert.Equal(2, Volatile.Read(ref peak));
    }

    [Fact]
    public async Task CancelRequest_fires_the_connectors_token_and_the_request_is_answered_32800()
    {
        var started = new TaskCompletionSource();
        var tokenFired = new TaskCompletionSource();
        var connector = new ScriptedConnector(send: async (_, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                tokenFired.SetResult();
                throw;
            }

            return default;
        });
        await using var host = new DispatcherHarness(connector);
        await host.InitializeAsync();

        await host.SendAsync(Send("slow", "x"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await host.SendAsync(Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = "slow" }));
        var answer = await host.ReadAsync();

        Assert.Equal(-32800, Rpc.ErrorCode(answer));
        Assert.Equal("\"slow\"", Rpc.Id(answer));
        await tokenFired.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_second_request_with_an_id_in_flight_is_refused_and_the_first_still_answered()
    {
        var release = new TaskCompletionSource();
        var connector = new ScriptedConnector(send: async (_, _) =>
        {
            await release.Task;
            return JsonSerializer.SerializeToElement(new JsonObject { ["first"] = true });
        });
        await using var host = new DispatcherHarness(connector);
        await host.InitializeAsync();

        await host.SendAsync(Send(7, "x"));
        var duplicate = await host.RequestAsync(Send(7, "y"));
        release.SetResult();
        var first = await host.ReadAsync();

        Assert.Equal(-32600, Rpc.ErrorCode(duplicate));
        Assert.True(first["result"]!["first"]!.GetValue<bool>());
    }

    [Fact]
    public async Task End_of_input_lets_requests_in_flight_finish_and_answers_them()
    {
        var release = new TaskCompletionSource();
        var connector = new ScriptedConnector(send: async (_, _) =>
        {
            await release.Task;
            return JsonSerializer.SerializeToElement(new JsonObject { ["done"] = true });
        });
        await using var host = new DispatcherHarness(connector);
        await host.InitializeAsync();

        await host.SendAsync(Send(1, "x"));
        host.EndInput();
        release.SetResult();
        var answer = await host.ReadAsync();
        await host.Run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(answer["result"]!["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task After_the_grace_period_requests_are_cancelled_and_those_ignoring_it_are_answered_by_the_host()
    {
        var honouring = new ScriptedConnector("honouring", send: async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return default;
        });
        var ignoring = new ScriptedConnector("ignoring", send: async (_, _) =>
        {
            await new TaskCompletionSource().Task;
            return default;
        });
        await using var host = new DispatcherHarness([honouring, ignoring], new DispatcherLimits(8, 16, TimeSpan.FromMilliseconds(50)));
        await host.InitializeAsync();

        await host.SendAsync(Send(1, "x", "honouring"));
        await host.SendAsync(Send(2, "x", "ignoring"));
        await host.SendAsync(Rpc.Request(3, "ping"));
        Assert.Equal("3", Rpc.Id(await host.ReadAsync()));
        host.EndInput();
        var answers = new[] { await host.ReadAsync(), await host.ReadAsync() }.OrderBy(Rpc.Id).ToList();
        await host.Run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(answers, answer => Assert.Equal(-32800, Rpc.ErrorCode(answer)));
        Assert.Equal("Request cancelled", answers[0]["error"]!["message"]!.GetValue<string>());
        Assert.Equal("The host is shutting down", answers[1]["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_is_answered_with_one_array_once_every_member_is_answered()
    {
        await using var host = new DispatcherHarness(new ScriptedConnector());
        await host.InitializeAsync();

        var answer = await host.RequestAsync(
            $"[{Rpc.Request(1, "ping")},{Rpc.Notification("anything")},{Send(2, "x")},5,{Rpc.Request(3, "nope")}]");

        var members = answer.AsArray().ToDictionary(member => Rpc.Id(member) ?? "null");
        Assert.Equal(4, members.Count);
        Assert.NotNull(members["1"]!["result"]);
        Assert.Equal("x", members["2"]!["result"]!["to"]!.GetValue<string>());
        Assert.Equal(-32600, Rpc.ErrorCode(members["null"]));
        Assert.Equal(-32601, Rpc.ErrorCode(members["3"]));
    }

    [Fact]
    public async Task A_batch_of_notifications_only_gets_no_answer()
    {
        await using var host = new DispatcherHarness(new ScriptedConnector());

        await host.SendAsync($"[{Rpc.Notification("a")},{Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = 1 })}]");
        var next = await host.RequestAsync(Rpc.Request("after", "ping"));

        Assert.Equal("\"after\"", Rpc.Id(next));
    }

    [Fact]
    public async Task Json_nested_too_deep_is_a_parse_error_answered_with_the_recovered_id()
    {
        await using var host = new DispatcherHarness(new ScriptedConnector());

        var answer = await host.RequestAsync(
            """{"jsonrpc":"2.0","id":12,"method":"ping","params":{"a":""" + new string('[', 100) + new string(']', 100) + "}}");

        Assert.Equal(-32700, Rpc.ErrorCode(answer));
        Assert.Equal("12", Rpc.Id(answer));
    }

    [Fact]
    public async Task A_body_with_a_utf8_bom_is_read()
    {
        await using var host = new DispatcherHarness(new ScriptedConnector());

        await host.SendRawAsync(FrameCodec.Encode("\uFEFF" + Rpc.Request(1, "ping")));

        Assert.NotNull((await host.ReadAsync())["result"]);
    }

    [Fact]
    public async Task Params_are_bound_by_name_and_the_template_reaches_the_connector()
    {
        SendMessageCall? received = null;
        var connector = new ScriptedConnector(send: (call, _) =>
        {
            received = call;
            return Task.FromResult(JsonSerializer.SerializeToElement(new JsonObject()));
        });
        await using var host = new DispatcherHarness(connector);
        await host.InitializeAsync();

        var parameters = new JsonObject
        {
            ["to"] = "a@example.com",
            ["type"] = "ForgotPassword",
            ["payload"] = new JsonObject { ["code"] = "123456", ["locale"] = "fr" },
            ["ip"] = "203.0.113.9",
            ["config"] = new JsonObject { ["k"] = "v" },
            ["template"] = new JsonObject { ["subject"] = "S", ["content"] = "C", ["contentType"] = "text/plain" },
        };
        await host.RequestAsync(Rpc.Request(1, "sendMessage", parameters));

        Assert.NotNull(received);
        Assert.Equal(
            new SendMessageData("a@example.com", TemplateType.ForgotPassword, received.Data.Payload, "203.0.113.9"), received.Data);
        Assert.Equal("fr", received.Data.Payload.GetProperty("locale").GetString());
        Assert.Equal("v", received.Config.GetProperty("k").GetString());
        Assert.Equal(new EmailTemplateDetails("S", "C", "text/plain"), received.Template);
    }

    private static string Send(object id, string to, string? connectorId = null)
    {
        var parameters = new JsonObject
        {
            ["to"] = to,
            ["type"] = "Generic",
            ["payload"] = new JsonObject { ["code"] = "000000" },
            ["config"] = new JsonObject(),
        };
        if (connectorId is not null)
        {
            parameters["connectorId"] = connectorId;
        }

        return Rpc.Request(id, "sendMessage", parameters);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
