using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Host.Tests.Support;
using Json.Schema;
using Logto.ConnectorHost;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorHost.Transport;
using Logto.ConnectorKit;

namespace Host.Tests.OpenRpc;

/// <summary>schema/protocol.openrpc.json is a valid OpenRPC document and describes what the host really answers.</summary>
public sealed class ProtocolDocumentTests
{
    private static readonly JsonObject Document =
        JsonNode.Parse(File.ReadAllText(Artifacts.RepoFile("schema/protocol.openrpc.json")))!.AsObject();

    [Fact]
    public void Document_is_valid_per_the_OpenRPC_meta_schema()
    {
        var results = Evaluate(MetaSchema(), Document);

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Meta_schema_check_rejects_a_method_without_params_and_an_error_without_a_code()
    {
        var withoutParams = Document.DeepClone().AsObject();
        withoutParams["methods"]![0]!.AsObject().Remove("params");
        var withoutCode = Document.DeepClone().AsObject();
        withoutCode["components"]!["errors"]!["ParseError"]!.AsObject().Remove("code");

        Assert.False(Evaluate(MetaSchema(), withoutParams).IsValid);
        Assert.False(Evaluate(MetaSchema(), withoutCode).IsValid);
    }

    [Fact]
    public void Result_schema_check_rejects_a_result_that_breaks_the_contract()
    {
        var schema = WithComponents(Method(ProtocolNames.Initialize)["result"]!["schema"]!);

        var result = new JsonObject { ["protocolVersion"] = "2", ["host"] = new JsonObject(), ["connectors"] = new JsonArray() };

        Assert.False(Evaluate(schema, result).IsValid);
    }

    [Fact]
    public void Documented_methods_are_the_methods_the_host_serves()
    {
        Assert.Equal(
            [
                ProtocolNames.Initialize, ProtocolNames.Ping, ProtocolNames.Describe, ProtocolNames.ValidateConfig,
                ProtocolNames.SendMessage,
                ProtocolNames.CancelRequest,
            ],
            Methods().Select(method => method["name"]!.GetValue<string>()));
    }

    public static TheoryData<string, string> ParamsTypes() => new()
    {
        { ProtocolNames.Initialize, nameof(InitializeParams) },
        { ProtocolNames.Describe, nameof(DescribeParams) },
        { ProtocolNames.ValidateConfig, nameof(ValidateConfigParams) },
        { ProtocolNames.SendMessage, nameof(SendMessageParams) },
        { ProtocolNames.CancelRequest, nameof(CancelRequestParams) },
        { ProtocolNames.Ping, "" },
    };

    [Theory]
    [MemberData(nameof(ParamsTypes))]
    public void Documented_params_are_the_wire_types_names_and_required_flags(string method, string wireType)
    {
        var documented = Method(method)["params"]!.AsArray()
            .Select(param => (Name: param!["name"]!.GetValue<string>(), Required: param["required"]?.GetValue<bool>() ?? false))
            .OrderBy(param => param.Name, StringComparer.Ordinal);
        var typeInfo = wireType.Length == 0 ? null : WireTypeInfo(wireType);
        var actual = (typeInfo?.Properties ?? [])
            .Select(property => (property.Name, Required: property.IsRequired))
            .OrderBy(param => param.Name, StringComparer.Ordinal);

        Assert.Equal(actual, documented);
    }

    [Fact]
    public void Documented_version_is_the_protocol_version_the_host_speaks()
    {
        var supported = Document["components"]!["errors"]!["UnsupportedProtocolVersion"]!["data"]!["supported"]!.AsArray();

        Assert.Equal(ProtocolNames.ProtocolVersion, Document["info"]!["version"]!.GetValue<string>());
        Assert.Equal(ProtocolNames.SupportedProtocolVersions, supported.Select(version => version!.GetValue<string>()));
    }

    /// <summary>Each code by its C# name (the bridge reads them by these names); the other entries are variants of these codes.</summary>
    [Fact]
    public void Documented_error_codes_are_the_hosts_error_codes()
    {
        var documented = Document["components"]!["errors"]!.AsObject()
            .ToDictionary(error => error.Key, error => error.Value!["code"]!.GetValue<int>());
        var actual = typeof(JsonRpcErrorCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(field => field.Name, field => (int)field.GetValue(null)!);

        Assert.All(actual, code => Assert.Equal(code.Value, documented.GetValueOrDefault(code.Key)));
        Assert.Empty(documented.Values.Except(actual.Values));
    }

    [Fact]
    public void Documented_connector_error_codes_are_the_Kits_in_order()
    {
        var documented = Document["components"]!["schemas"]!["ConnectorErrorData"]!["properties"]!["code"]!["enum"]!.AsArray()
            .Select(code => code!.GetValue<string>());

        Assert.Equal(Enum.GetValues<ConnectorErrorCode>().Select(code => code.ToWire()), documented);
    }

    [Fact]
    public void Documented_limits_are_the_hosts_defaults()
    {
        var defaults = new ConnectorHostOptions();
        var limits = Document["x-limits"]!;
        var framing = Document["x-framing"]!;

        Assert.Equal(defaults.MaxConcurrentRequests, limits["maxConcurrentRequests"]!.GetValue<int>());
        Assert.Equal(defaults.MaxPendingRequests, limits["maxPendingRequests"]!.GetValue<int>());
        Assert.Equal(defaults.ShutdownGracePeriod.TotalMilliseconds, limits["shutdownGracePeriodMs"]!.GetValue<double>());
        Assert.Equal(DispatcherLimits.CancellationGracePeriod.TotalMilliseconds, limits["cancellationGracePeriodMs"]!.GetValue<double>());
        Assert.Equal(defaults.MaxInflightBytes, limits["maxInflightBytes"]!.GetValue<long>());
        Assert.Equal(defaults.MaxFrameBytes, framing["maxFrameBytes"]!.GetValue<long>());
        Assert.Equal(LspFrameReader.MaxHeaderLineBytes, framing["maxHeaderLineBytes"]!.GetValue<int>());
        Assert.Equal(LspFrameReader.MaxHeaderSectionBytes, framing["maxHeaderSectionBytes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Results_the_host_answers_match_the_documented_result_schemas()
    {
        await using var host = HostProcess.StartTestHost("--connectors", "test");
        var config = new JsonObject { ["apiKey"] = "k" };

        var answers = new Dictionary<string, JsonNode>
        {
            [ProtocolNames.Ping] = await host.RequestAsync(Rpc.Request(1, "ping")),
            [ProtocolNames.Initialize] = await host.RequestAsync(Rpc.Initialize(2)),
            [ProtocolNames.Describe] = await host.RequestAsync(Rpc.Request(5, "describe")),
            [ProtocolNames.ValidateConfig] = await host.RequestAsync(
                Rpc.Request(3, "validateConfig", new JsonObject { ["config"] = config.DeepClone() })),
            [ProtocolNames.SendMessage] = await host.RequestAsync(Rpc.Request(4, "sendMessage", new JsonObject
            {
                ["to"] = "a@b.c",
                ["type"] = "Generic",
                ["payload"] = new JsonObject { ["code"] = "1" },
                ["config"] = config.DeepClone(),
            })),
        };

        foreach (var (method, answer) in answers)
        {
            var results = Evaluate(WithComponents(Method(method)["result"]!["schema"]!), answer["result"]);
            Assert.True(results.IsValid, $"{method}: {Describe(results)}");
        }
    }

    [Fact]
    public async Task Error_data_the_host_answers_match_the_documented_schemas()
    {
        await using var host = HostProcess.StartTestHost("--max-frame-bytes", "512", "--max-inflight-bytes", "200");
        var send = new JsonObject
        {
            ["connectorId"] = "test",
            ["to"] = "a",
            ["type"] = "Generic",
            ["payload"] = new JsonObject(),
            ["config"] = new JsonObject { ["apiKey"] = "k" },
        };

        var answers = new Dictionary<string, JsonNode>
        {
            ["UnsupportedProtocolVersion"] = await host.RequestAsync(
                Rpc.Request(1, "initialize", new JsonObject { ["protocolVersion"] = "0" })),
            ["FrameTooLarge"] = await host.RequestAsync(Rpc.Request(2, "ping", new JsonObject { ["pad"] = new string('x', 600) })),
            ["Initialized"] = await host.RequestAsync(Rpc.Initialize(3)),
            ["UnknownConnector"] = await host.RequestAsync(
                Rpc.Request(4, "validateConfig", new JsonObject { ["connectorId"] = "x", ["config"] = 1 })),
            ["InvalidParams"] = await host.RequestAsync(Rpc.Request(5, "validateConfig", new JsonObject { ["connectorId"] = "test" })),
            ["ConnectorError"] = await host.RequestAsync(
                Rpc.Request(6, "validateConfig", new JsonObject { ["connectorId"] = "test", ["config"] = 1 })),
            ["InvalidRequestParameters"] = await host.RequestAsync(Rpc.Request(7, "sendMessage", new JsonObject
            {
                ["connectorId"] = "test",
                ["to"] = 5,
                ["type"] = "Generic",
                ["payload"] = new JsonObject(),
                ["config"] = new JsonObject { ["apiKey"] = "k" },
            })),
            ["Overloaded"] = await host.RequestAsync(Rpc.Request(8, "validateConfig", new JsonObject
            {
                ["connectorId"] = "test",
                ["config"] = new JsonObject { ["apiKey"] = new string('k', 300) },
            })),
        };
        answers.Remove("Initialized");

        var errorData = Document["x-error-data"]!.AsObject();
        Assert.Equal(errorData.Select(entry => entry.Key).Order(StringComparer.Ordinal), answers.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, answer) in answers)
        {
            var documented = Document["components"]!["errors"]![name]!;
            Assert.Equal(documented["code"]!.GetValue<int>(), Rpc.ErrorCode(answer));
            var results = Evaluate(WithComponents(errorData[name]!), answer["error"]!["data"]);
            Assert.True(results.IsValid, $"{name}: {Describe(results)}");
        }
    }

    /// <summary>
    /// The vendored meta-schema; its references to meta.json-schema.tools (not fetchable here) point at draft-07 instead.
    /// </summary>
    private static JsonObject MetaSchema()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenRpc", "openrpc-meta-schema.json"))
            .Replace(
                "\"$ref\": \"https://meta.json-schema.tools\"",
                "\"$ref\": \"http://json-schema.org/draft-07/schema#\"",
                StringComparison.Ordinal);
        var metaSchema = JsonNode.Parse(text)!.AsObject();
        metaSchema["$schema"] = "http://json-schema.org/draft-07/schema#";
        metaSchema["definitions"]!["referenceObject"]!["properties"]!["$ref"] = new JsonObject { ["type"] = "string" };
        return metaSchema;
    }

    private static IEnumerable<JsonNode> Methods() => Document["methods"]!.AsArray().Select(method => method!);

    private static JsonNode Method(string name) => Methods().Single(method => method["name"]!.GetValue<string>() == name);

    private static JsonTypeInfo WireTypeInfo(string name) =>
        HostJsonContext.Wire.GetTypeInfo(
            typeof(HostJsonContext).Assembly.GetType($"{typeof(HostJsonContext).Namespace}.{name}", throwOnError: true)!)!;

    /// <summary>A documented schema made standalone: <c>#/components/schemas/X</c> references become <c>#/$defs/X</c>.</summary>
    private static JsonObject WithComponents(JsonNode schema)
    {
        var standalone = JsonNode.Parse(ToDefs(schema.ToJsonString()))!.AsObject();
        standalone["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        standalone["$defs"] = JsonNode.Parse(ToDefs(Document["components"]!["schemas"]!.ToJsonString()));
        return standalone;

        static string ToDefs(string json) => json.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
    }

    private static EvaluationResults Evaluate(JsonObject schema, JsonNode? instance)
    {
        var built = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        return built.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}")));
}
