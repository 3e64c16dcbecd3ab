using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Host.Tests.Support;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorKit;

namespace Host.Tests.Reliability.Support;

/// <summary>A request the host must answer exactly once, and what a right answer is.</summary>
/// <param name="Id">The id as JSON (<c>"v-12"</c> with quotes, or a number).</param>
/// <param name="SentTo">For a real send to the sandbox: the recipient its mail must reach.</param>
internal sealed record ExpectedAnswer(string Id, string Kind, Func<JsonNode, bool> IsRight, string? SentTo = null);

/// <summary>
/// The valid JSON-RPC requests of the fuzz run, each kind with a fixed right answer: lifecycle calls, config checks, refused
/// and real sends (to the sandbox), and well-formed JSON with bad JSON-RPC, which has its own fixed error answers.
/// </summary>
internal sealed partial class FuzzRequests(Uri sandboxEndpoint, string accessKeyId, string secret)
{
    private static readonly string[] RequiredUsageTypes = [.. TemplateTypes.Required.Select(type => type.ToString())];

    /// <summary>A request with the given id (a string, or a number when <paramref name="numericId"/>), and its expected answer.</summary>
    public (JsonNode Message, ExpectedAnswer Expected) Next(Random random, int serial)
    {
        JsonNode id = random.Next(10) == 0 ? JsonValue.Create(1_000_000 + serial) : JsonValue.Create($"v-{serial}");
        var key = id.ToJsonString();
        return random.Next(100) switch
        {
            < 22 => (Request(id, "ping"), new(key, "ping", IsEmptyResult)),
            < 34 => (Validate(id, Config()), new(key, "validateConfig ok", IsEmptyResult)),
            < 44 => (Validate(id, new JsonObject()),
                new(key, "validateConfig invalid", answer => IsConnectorError(answer, "invalid_config"))),
            < 54 => (Send(id, "not-an-address"),
                new(key, "sendMessage refused", answer => IsConnectorError(answer, "invalid_request_parameters"))),
            < 58 => (Send(id, $"fuzz-{serial}@example.com"), new(key, "sendMessage sent", IsSent, $"fuzz-{serial}@example.com")),
            < 66 => (Request(id, "deleteEverything"), new(key, "unknown method", answer => IsError(answer, -32601))),
            < 71 => (Request(id, "initialize", new JsonObject { ["protocolVersion"] = ProtocolNames.ProtocolVersion }),
                new(key, "initialize", answer => Rpc.ProtocolVersionOf(answer) == ProtocolNames.ProtocolVersion)),
            < 78 => (new JsonObject { ["id"] = id, ["method"] = "ping" }, new(key, "no jsonrpc member", answer => IsError(answer, -32600))),
            < 84 => (Request(id, "sendMessage", new JsonArray("a@example.com", "Generic")),
                new(key, "positional params", answer => IsError(answer, -32602))),
            < 92 => (Send(id, null),
                new(key, "to of the wrong type", answer => IsConnectorError(answer, "invalid_request_parameters")
                    && answer["error"]?["data"]?["data"]?["param"]?.GetValue<string>() == "to")),
            _ => (Request(id, "$/cancelRequest", new JsonObject { ["id"] = "v-0" }),
                new(key, "$/ request", answer => IsError(answer, -32601))),
        };
    }

    /// <summary>A notification, which must get no answer.</summary>
    public static JsonNode Notification(Random random) => random.Next(2) == 0
        ? new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = "never-sent" } }
        : new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/setTrace", ["params"] = new JsonObject { ["value"] = "off" } };

    /// <summary>A request whose frame will be broken; if it survives anyway, it is harmless (a ping or a refused send).</summary>
    public JsonObject Victim(Random random, int serial) =>
        random.Next(2) == 0 ? Request(JsonValue.Create($"f-{serial}"), "ping") : Send(JsonValue.Create($"f-{serial}"), "not-an-address");

    public JsonObject Config() => new()
    {
        ["accessKeyId"] = accessKeyId,
        ["accessKeySecret"] = secret,
        ["accountName"] = "noreply@mail.example.com",
        ["endpoint"] = sandboxEndpoint.ToString(),
        ["templates"] = new JsonArray([.. RequiredUsageTypes.Select(usageType => (JsonNode)new JsonObject
        {
            ["usageType"] = usageType,
            ["subject"] = $"{usageType} {{{{code}}}}",
            ["content"] = "<p>{{code}}</p>",
        })]),
    };

    private static JsonObject Validate(JsonNode id, JsonObject config) =>
        Request(id, "validateConfig", new JsonObject { ["connectorId"] = "aliyun-direct-mail-dotnet", ["config"] = config });

    private JsonObject Send(JsonNode id, string? to) => Request(id, "sendMessage", new JsonObject
    {
        ["connectorId"] = "aliyun-direct-mail-dotnet",
        ["to"] = to is null ? JsonValue.Create(5) : JsonValue.Create(to),
        ["type"] = "Generic",
        ["payload"] = new JsonObject { ["code"] = "123456" },
        ["config"] = Config(),
    });

    private static JsonObject Request(JsonNode id, string method, JsonNode? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message;
    }

    private static bool IsEmptyResult(JsonNode answer) => answer["result"] is JsonObject { Count: 0 };

    private static bool IsSent(JsonNode answer) =>
        answer["result"]?["EnvId"]?.GetValue<string>() is { } envId && Digits().IsMatch(envId);

    private static bool IsError(JsonNode answer, int code) => answer["error"]?["code"]?.GetValue<int>() == code;

    private static bool IsConnectorError(JsonNode answer, string code) =>
        IsError(answer, -32000) && answer["error"]?["data"]?["code"]?.GetValue<string>() == code;

    [GeneratedRegex(@"\A[0-9]+\z")]
    private static partial Regex Digits();
}
