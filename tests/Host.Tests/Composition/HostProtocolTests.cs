using System.Text;
using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.ConnectorHost.Protocol;

namespace Host.Tests.Hosting;

/// <summary>Protocol v1 against the real host process (the test host, serving the "test" and "second" connectors).</summary>
public sealed class HostProtocolTests
{
    [Fact]
    public async Task Initialize_answers_the_protocol_version_the_host_and_every_connectors_id_and_type()
    {
        await using var host = HostProcess.StartTestHost();

        var answer = await host.RequestAsync(Rpc.Initialize(1));

        var result = answer["result"]!;
        Assert.Equal(ProtocolNames.ProtocolVersion, result["protocolVersion"]!.GetValue<string>());
        Assert.Equal("logto-connector-test-host", result["host"]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(result["host"]!["version"]!.GetValue<string>()));
        var connectors = result["connectors"]!.AsArray();
        Assert.Equal(["test", "second"], connectors.Select(connector => connector!["id"]!.GetValue<string>()));
        Assert.Equal("Email", connectors[0]!["type"]!.GetValue<string>());
        Assert.Equal(["id", "type"], connectors[0]!.AsObject().Select(property => property.Key));
    }

    [Fact]
    public async Task Describe_answers_a_connectors_metadata_and_config_schema_by_id_and_refuses_an_unknown_id()
    {
        await using var host = HostProcess.StartTestHost();
        await host.RequestAsync(Rpc.Initialize(1));

        var second = await host.RequestAsync(Rpc.Request(2, "describe", new JsonObject { ["connectorId"] = "second" }));
        var first = await host.RequestAsync(Rpc.Request(3, "describe", new JsonObject { ["connectorId"] = "test" }));
        var unknown = await host.RequestAsync(Rpc.Request(4, "describe", new JsonObject { ["connectorId"] = "third" }));
        var unnamed = await host.RequestAsync(Rpc.Request(5, "describe"));

        Assert.Equal(["id", "type", "metadata", "configSchema"], first["result"]!.AsObject().Select(property => property.Key));
        Assert.Equal("test", first["result"]!["metadata"]!["id"]!.GetValue<string>());
        Assert.True(first["result"]!["configSchema"]!["properties"]!["opaque"]!["writeOnly"]!.GetValue<bool>());
        Assert.Equal("second", second["result"]!["id"]!.GetValue<string>());
        Assert.Equal("second", second["result"]!["metadata"]!["id"]!.GetValue<string>());
        Assert.Equal(-32602, Rpc.ErrorCode(unknown));
        Assert.Equal(-32602, Rpc.ErrorCode(unnamed));
    }

    [Fact]
    public async Task Describe_before_initialize_is_refused_32002()
    {
        await using var host = HostProcess.StartTestHost();

        var early = await host.RequestAsync(Rpc.Request(1, "describe", new JsonObject { ["connectorId"] = "test" }));

        Assert.Equal(-32002, Rpc.ErrorCode(early));
    }

    [Fact]
    public async Task Requests_before_initialize_are_refused_32002_except_ping()
    {
        await using var host = HostProcess.StartTestHost();

        var ping = await host.RequestAsync(Rpc.Request(1, "ping"));
        var early = await host.RequestAsync(
            Rpc.Request(2, "validateConfig", new JsonObject { ["connectorId"] = "test", ["config"] = new JsonObject() }));

        Assert.Equal(new JsonObject(), ping["result"], JsonNode.DeepEquals);
        Assert.Equal(-32002, Rpc.ErrorCode(early));
        Assert.Equal("2", Rpc.Id(early));
    }

    [Fact]
    public async Task An_unsupported_protocol_version_is_refused_with_the_supported_versions()
    {
        await using var host = HostProcess.StartTestHost();

        var answer = await host.RequestAsync(Rpc.Request(1, "initialize", new JsonObject { ["protocolVersion"] = "2" }));
        var after = await host.RequestAsync(
            Rpc.Request(2, "validateConfig", new JsonObject { ["connectorId"] = "test", ["config"] = new JsonObject() }));

        Assert.Equal(-32602, Rpc.ErrorCode(answer));
        Assert.Equal(
            [ProtocolNames.ProtocolVersion],
            answer["error"]!["data"]!["supported"]!.AsArray().Select(version => version!.GetValue<string>()));
        Assert.Equal("2", answer["error"]!["data"]!["requested"]!.GetValue<string>());
        Assert.Equal(-32002, Rpc.ErrorCode(after));
    }

    [Fact]
    public async Task ValidateConfig_answers_empty_or_the_connectors_invalid_config_with_the_failing_paths()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var valid = await host.RequestAsync(Rpc.Request(1, "validateConfig", new JsonObject
        {
            ["connectorId"] = "test",
            ["config"] = new JsonObject { ["apiKey"] = "k" },
        }));
        var invalid = await host.RequestAsync(
            Rpc.Request(2, "validateConfig", new JsonObject { ["connectorId"] = "test", ["config"] = new JsonObject() }));

        Assert.Equal(new JsonObject(), valid["result"], JsonNode.DeepEquals);
        Assert.Equal(-32000, Rpc.ErrorCode(invalid));
        Assert.Equal("invalid_config", invalid["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Equal("apiKey", invalid["error"]!["data"]!["data"]!["paths"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_hands_every_param_to_the_connector_and_answers_its_result()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var answer = await host.RequestAsync(Rpc.Request(1, "sendMessage", new JsonObject
        {
            ["connectorId"] = "test",
            ["to"] = "user@example.com",
            ["type"] = "SignIn",
            ["payload"] = new JsonObject { ["code"] = "123456", ["locale"] = "de" },
            ["ip"] = "198.51.100.7",
            ["config"] = new JsonObject { ["apiKey"] = "k" },
            ["template"] = new JsonObject { ["subject"] = "Hallo", ["content"] = "{{code}}" },
        }));

        var expected = new JsonObject
        {
            ["connector"] = "test",
            ["to"] = "user@example.com",
            ["type"] = "SignIn",
            ["payload"] = new JsonObject { ["code"] = "123456", ["locale"] = "de" },
            ["ip"] = "198.51.100.7",
            ["templateSubject"] = "Hallo",
        };
        Assert.Equal(expected, answer["result"], JsonNode.DeepEquals);
    }

    [Theory]
    [InlineData("""{"connectorId":"nope","to":"a","type":"Generic","payload":{},"config":{}}""", "connectorId")]
    [InlineData("""{"to":"a","type":"Generic","payload":{},"config":{}}""", "connectorId")]
    [InlineData("""{"connectorId":"test","type":"Generic","payload":{},"config":{}}""", "to")]
    [InlineData("""{"connectorId":"test","to":"a","payload":{},"config":{}}""", "type")]
    [InlineData("""{"connectorId":"test","to":"a","type":"Generic","config":{}}""", "payload")]
    [InlineData("""{"connectorId":"test","to":"a","type":"Generic","payload":{}}""", "config")]
    [InlineData(
        """{"connectorId":"test","to":"a","type":"Generic","payload":{},"config":{},"template":{"subject":1,"content":""}}""",
        "template.subject")]
    [InlineData("""["a","Generic"]""", "params")]
    public async Task Bad_params_are_refused_32602_naming_the_param(string parameters, string param)
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var answer = await host.RequestAsync(Rpc.Request(1, "sendMessage", JsonNode.Parse(parameters)));

        Assert.Equal(-32602, Rpc.ErrorCode(answer));
        Assert.Equal(param, answer["error"]!["data"]!["param"]!.GetValue<string>());
        if (param == "connectorId")
        {
            Assert.Equal(["test", "second"], answer["error"]!["data"]!["known"]!.AsArray().Select(id => id!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task ConnectorId_may_be_omitted_when_the_host_serves_one_connector()
    {
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        await host.InitializeAsync();

        var answer = await host.RequestAsync(
            Rpc.Request(1, "validateConfig", new JsonObject { ["config"] = new JsonObject { ["apiKey"] = "k" } }));

        Assert.NotNull(answer["result"]);
    }

    [Fact]
    public async Task Malformed_messages_are_answered_with_their_codes_and_the_host_keeps_serving()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var unknownMethod = await host.RequestAsync(Rpc.Request(1, "deleteEverything"));
        var noVersion = await host.RequestAsync("""{"id":2,"method":"ping"}""");
        var badId = await host.RequestAsync("""{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}""");
        var notJson = await host.RequestAsync("""{"jsonrpc":"2.0","id":"keep-me","method":"sendMessage","params":{"to": nope""");
        await host.SendRawAsync(Encoding.ASCII.GetBytes("this is not a header\r\n\r\n"));
        var badHeader = await host.ReadAsync();
        var still = await host.RequestAsync(Rpc.Request(3, "ping"));

        Assert.Equal((-32601, "1"), (Rpc.ErrorCode(unknownMethod)!.Value, Rpc.Id(unknownMethod)));
        Assert.Equal((-32600, "2"), (Rpc.ErrorCode(noVersion)!.Value, Rpc.Id(noVersion)));
        Assert.Equal((-32600, "null"), (Rpc.ErrorCode(badId)!.Value, Rpc.Id(badId) ?? "null"));
        Assert.Equal((-32700, "\"keep-me\""), (Rpc.ErrorCode(notJson)!.Value, Rpc.Id(notJson)));
        Assert.Equal(-32700, Rpc.ErrorCode(badHeader));
        Assert.NotNull(still["result"]);
    }

    [Fact]
    public async Task A_batch_is_answered_with_an_array_and_an_empty_batch_with_32600()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();

        var cancel = Rpc.Notification("$/cancelRequest", new JsonObject { ["id"] = 9 });
        var batch = await host.RequestAsync($"[{Rpc.Request(1, "ping")},{cancel},{Rpc.Request(2, "nope")}]");
        var empty = await host.RequestAsync("[]");

        Assert.Equal(["1", "2"], batch.AsArray().Select(Rpc.Id).Order(StringComparer.Ordinal));
        Assert.Equal(-32600, Rpc.ErrorCode(empty));
        Assert.Null(Rpc.Id(empty) is "null" ? null : Rpc.Id(empty));
    }

    [Fact]
    public async Task A_frame_one_byte_over_4_MiB_is_refused_with_its_id_and_the_next_request_is_answered()
    {
        await using var host = HostProcess.StartTestHost();
        await host.InitializeAsync();
        const int limit = 4 * 1024 * 1024;
        var prefix = """{"jsonrpc":"2.0","id":"huge","method":"sendMessage","params":{"pad":""" + "\"";
        var body = prefix + new string('x', limit + 1 - prefix.Length - 3) + "\"}}";
        Assert.Equal(limit + 1, Encoding.UTF8.GetByteCount(body));

        var refused = await host.RequestAsync(body);
        var next = await host.RequestAsync(Rpc.Request("next", "ping"));

        Assert.Equal(-32600, Rpc.ErrorCode(refused));
        Assert.Equal("\"huge\"", Rpc.Id(refused));
        Assert.Equal(limit, refused["error"]!["data"]!["maxFrameBytes"]!.GetValue<long>());
        Assert.Equal(limit + 1, refused["error"]!["data"]!["frameBytes"]!.GetValue<long>());
        Assert.NotNull(next["result"]);
    }

    [Fact]
    public async Task Console_output_from_a_connector_goes_to_stderr_and_stdout_carries_frames_only()
    {
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        await host.InitializeAsync();

        await host.RequestAsync(Rpc.Request(1, "validateConfig", new JsonObject { ["config"] = new JsonObject { ["apiKey"] = "k" } }));
        var sent = await host.RequestAsync(Rpc.Request(2, "sendMessage", new JsonObject
        {
            ["to"] = "a@b.c",
            ["type"] = "Generic",
            ["payload"] = new JsonObject(),
            ["config"] = new JsonObject { ["apiKey"] = "k" },
        }));
        host.CloseInput();
        var rest = await host.ReadToEndAsync();
        await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal("a@b.c", sent["result"]!["to"]!.GetValue<string>());
        Assert.Empty(rest);
        Assert.Contains("stray stdout from the test connector's constructor", host.Stderr, StringComparison.Ordinal);
        Assert.Contains("stray stdout from sendMessage", host.Stderr, StringComparison.Ordinal);
        Assert.Contains("stray stdout from validateConfig", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Native_writes_to_file_descriptor_1_land_on_stderr_not_between_frames()
    {
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        await host.InitializeAsync();

        var sent = await host.RequestAsync(Rpc.Request(1, "sendMessage", new JsonObject
        {
            ["to"] = "a@b.c",
            ["type"] = "Generic",
            ["payload"] = new JsonObject { ["behavior"] = "native-stdout" },
            ["config"] = new JsonObject { ["apiKey"] = "k" },
        }));
        var ping = await host.RequestAsync(Rpc.Request(2, "ping"));
        host.CloseInput();
        var rest = await host.ReadToEndAsync();
        await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.True(sent["result"]!["native"]!.GetValue<bool>());
        Assert.Equal(2, ping["id"]!.GetValue<int>());
        Assert.Empty(rest);
        Assert.Contains("native write to fd 1", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connector_errors_carry_the_logto_code_and_redacted_data_and_bugs_only_internal_error()
    {
        const string SecretByName = "canary-apisecret-3141592";
        const string SecretBySchema = "canary-opaque-2718281";
        await using var host = HostProcess.StartTestHost("--connectors", "test", "--log-level", "Trace");
        await host.InitializeAsync();
        var config = new JsonObject { ["apiKey"] = "k", ["apiSecret"] = SecretByName, ["opaque"] = SecretBySchema };

        var failure = await host.RequestAsync(Send(1, "connector-error", config));
        var limited = await host.RequestAsync(Send(2, "rate-limit", config));
        var bug = await host.RequestAsync(Send(3, "bug", config));
        host.CloseInput();
        await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(-32000, Rpc.ErrorCode(failure));
        Assert.Equal("general", failure["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Equal("upstream refused key [REDACTED]", failure["error"]!["data"]!["data"]!["errorDescription"]!.GetValue<string>());
        Assert.Equal("rate_limit_exceeded", limited["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Equal("slow down", limited["error"]!["data"]!["data"]!["message"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["code"] = -32603, ["message"] = "Internal error" }, bug["error"], JsonNode.DeepEquals);
        foreach (var output in new[] { failure.ToJsonString(), bug.ToJsonString(), host.Stderr })
        {
            Assert.DoesNotContain(SecretByName, output, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretBySchema, output, StringComparison.Ordinal);
        }

        Assert.Contains("InvalidOperationException", host.Stderr, StringComparison.Ordinal);
    }

    private static string Send(object id, string behavior, JsonObject config) => Rpc.Request(id, "sendMessage", new JsonObject
    {
        ["connectorId"] = "test",
        ["to"] = "a@b.c",
        ["type"] = "Generic",
        ["payload"] = new JsonObject { ["behavior"] = behavior },
        ["config"] = config.DeepClone(),
    });
}
