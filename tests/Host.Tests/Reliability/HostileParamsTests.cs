using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Reliability;

/// <summary>
/// Issue 11, items 1 and 4: params the host reads itself (connectorId, to, type, ip, template, client info, cancel ids) with
/// strings it cannot represent or values of the wrong shape get their documented answer; values it passes through to a
/// connector (config, payload) are the connector's business, and a connector that throws on them is answered -32603.
/// </summary>
public sealed class HostileParamsTests
{
    private const string Send = """ "connectorId":"test","payload":{},"config":{"apiKey":"k"} """;

    public static TheoryData<string, string, string> HostParams() => new()
    {
        // method, params, expected "<code> <data.param>"
        { "validateConfig", """{"connectorId":"\ud800","config":{}}""", "-32602 connectorId" },
        {
            "sendMessage",
            $$$"""{{{{Send}}},"to":"a","type":"Generic","template":{"subject":"\ud800","content":""}}""",
            "-32602 template.subject"
        },
        {
            "sendMessage",
            $$$"""{{{{Send}}},"to":"a","type":"Generic","template":{"subject":"s","content":"c","content":"\udc00"}}""",
            "-32602 template.content"
        },
        { "initialize", """{"protocolVersion":"1","client":{"name":"\ud800","version":"1"}}""", "-32602 client.name" },
        { "initialize", """{"protocolVersion":"\ud800"}""", "-32602 protocolVersion" },
        { "initialize", """{"protocolVersion":1e400}""", "-32602 protocolVersion" },
    };

    [Theory]
    [MemberData(nameof(HostParams))]
    public async Task A_param_the_host_cannot_represent_is_refused_32602_naming_it(string method, string parameters, string expected)
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var answer = await host.RequestAsync(Frame("bad", method, parameters));
        var next = await host.RequestAsync(Rpc.Request("next", "ping"));

        Assert.Equal(expected, $"{Rpc.ErrorCode(answer)} {answer["error"]?["data"]?["param"]?.GetValue<string>()}");
        Assert.Equal("\"next\"", Rpc.Id(next));
        Assert.DoesNotContain(" fail: ", host.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> WrongShapes() => new()
    {
        // the send's to/type/ip members, the param at fault
        { """ "to":5,"type":"Generic" """, "to" },
        { """ "to":["a@example.com"],"type":"Generic" """, "to" },
        { """ "to":{"address":"a@example.com"},"type":"Generic" """, "to" },
        { """ "to":null,"type":"Generic" """, "to" },
        { """ "to":"\ud800","type":"Generic" """, "to" },
        { """ "to":"a","type":5 """, "type" },
        { """ "to":"a","type":"Test" """, "type" },
        { """ "to":"a","type":"generic" """, "type" },
        { """ "to":"a","type":"4" """, "type" },
        { """ "to":"a","type":"SignIn, Register" """, "type" },
        { """ "to":"a","type":["Generic"] """, "type" },
        { """ "to":"a","type":"Generic","ip":5 """, "ip" },
        { """ "to":"a","type":"Generic","ip":"\udfff" """, "ip" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_to_type_or_ip_of_the_wrong_shape_is_the_connector_error_invalid_request_parameters(string members, string param)
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var answer = await host.RequestAsync(Frame("bad", "sendMessage", $$$"""{{{{Send}}},{{{members}}}}"""));

        Assert.Equal(-32000, Rpc.ErrorCode(answer));
        Assert.Equal("Connector error: invalid_request_parameters", answer["error"]!["message"]!.GetValue<string>());
        var data = answer["error"]!["data"]!;
        Assert.Equal("invalid_request_parameters", data["code"]!.GetValue<string>());
        Assert.Equal(param, data["data"]!["param"]!.GetValue<string>());
        Assert.StartsWith($"'{param}' must be ", data["data"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("stray stdout from sendMessage", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_that_is_not_an_object_is_invalid_request_parameters()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        const string Parameters = """{"connectorId":"test","to":"a","type":"Generic","payload":"code=1","config":{"apiKey":"k"}}""";
        var answer = await host.RequestAsync(Frame("bad", "sendMessage", Parameters));

        Assert.Equal("invalid_request_parameters", answer["error"]?["data"]?["code"]?.GetValue<string>());
        Assert.Equal("payload", answer["error"]?["data"]?["data"]?["param"]?.GetValue<string>());
    }

    public static TheoryData<string, string> ConnectorBugs() => new()
    {
        { "a lone surrogate config value the connector reads", """{"connectorId":"test","config":{"apiKey":"\ud800"}}""" },
        { "a lone surrogate config name the connector's lookup passes", """{"connectorId":"test","config":{"apiKey":"k","\ud800x":1}}""" },
    };

    [Theory]
    [MemberData(nameof(ConnectorBugs))]
    public async Task A_connector_that_throws_on_an_undecodable_config_is_answered_32603_and_the_host_keeps_serving(
        string what, string parameters)
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var answer = await host.RequestAsync(Frame("bad", "validateConfig", parameters));
        var next = await host.RequestAsync(Rpc.Request("next", "validateConfig", new JsonObject
        {
            ["connectorId"] = "test",
            ["config"] = new JsonObject { ["apiKey"] = "k" },
        }));

        Assert.True(Rpc.ErrorCode(answer) == -32603, $"{what}: {answer.ToJsonString()}");
        Assert.Equal(new JsonObject(), next["result"], JsonNode.DeepEquals);
        Assert.Contains("(a connector bug)", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connector_error_on_a_config_with_undecodable_names_and_values_keeps_its_code_and_redacts_the_secret()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        // The lone surrogates come first: the test connector's lookups (from the last member back) never pass them, the
        // host's secret redactor, which reads every member, does.
        var answer = await host.RequestAsync(Frame("bad", "sendMessage", """
            {"connectorId":"test","to":"a","type":"Generic","payload":{"behavior":"connector-error"},
             "config":{"\ud800":"\udc00","password\ud800":"x\ud800","apiKey":"k","apiSecret":"s3cr3t-value","opaque":"o"}}
            """));

        Assert.Equal(-32000, Rpc.ErrorCode(answer));
        Assert.Equal("general", answer["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Equal("upstream refused key [REDACTED]", answer["error"]!["data"]!["data"]!["errorDescription"]!.GetValue<string>());
        Assert.DoesNotContain("s3cr3t-value", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_lone_surrogate_id_can_be_cancelled_by_that_id()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        await host.SendAsync(
            """{"jsonrpc":"2.0","id":"\ud800","method":"sendMessage","params":{"connectorId":"test","to":"a","type":"Generic","payload":{"behavior":"delay","delayMs":600000},"config":{"apiKey":"k"}}}""");
        await host.SendAsync("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"\ud800"}}""");
        var answer = await host.ReadAsync();

        Assert.Equal("\"\\ud800\"", Rpc.Id(answer));
        Assert.Equal(-32800, Rpc.ErrorCode(answer));
    }

    [Fact]
    public async Task Repeated_params_count_once_the_last_like_JSON_parse()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        const string Parameters = """{"connectorId":"nope","config":{},"connectorId":"test","config":{"apiKey":"k"}}""";
        var answer = await host.RequestAsync(Frame("dup", "validateConfig", Parameters));

        Assert.Equal(new JsonObject(), answer["result"], JsonNode.DeepEquals);
    }

    private static string Frame(string id, string method, string parameters) =>
        $$"""{"jsonrpc":"2.0","id":"{{id}}","method":"{{method}}","params":{{parameters}}}""";
}
