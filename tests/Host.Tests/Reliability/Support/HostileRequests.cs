using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.ConnectorHost.Protocol;
using static Host.Tests.Reliability.Support.HostileJson;

namespace Host.Tests.Reliability.Support;

/// <summary>
/// Valid JSON-RPC frames with hostile content (issue 11, item 1), each with the answer it must get: ids of every type and
/// escape, methods and jsonrpc values that cannot be decoded, repeated and undecodable member names, nesting up to the
/// depth limit and one past it, params the host binds holding what it cannot represent, and configs with odd but decodable
/// values for the connector. A request whose id no 64-bit integer or string can hold is answered with a null id: those are
/// counted, not matched.
/// </summary>
internal sealed class HostileRequests(FuzzRequests requests)
{
    private const string ConnectorId = "aliyun-direct-mail-dotnet";

    /// <summary>
    /// The frame's JSON text, its category, the answers it must get and how many null-id errors it causes. In a batch, one
    /// level of nesting is the batch's, and nothing is nested past the limit (that would make the whole batch a parse error).
    /// </summary>
    public (string Json, string Category, IReadOnlyList<ExpectedAnswer> Expected, int NullIdAnswers) Next(
        Random random, int serial, bool inBatch = false)
    {
        var (idJson, idKind) = Id(random, serial);
        var request = random.Next(100) switch
        {
            < 18 => (Frame(idJson, "\"ping\""), "id " + idKind, Result(idJson, "ping", IsEmptyResult)),
            < 26 => (Frame(idJson, String(random, "x-").Json), "undecodable or odd method",
                Result(idJson, "unknown method", answer => IsError(answer, -32601))),
            < 32 => JsonRpcMember(random, idJson),
            < 40 => Repeated(random, idJson, serial),
            < 48 => (
                Frame(
                    idJson,
                    "\"ping\"",
                    extra: $"{String(random, "n-").Json}:{String(random, "v-").Json}",
                    extraFirst: random.Next(2) == 0),
                "odd member names", Result(idJson, "ping with odd members", IsEmptyResult)),
            < 54 => Deep(random, idJson, inBatch),
            < 62 => (Frame(idJson, "\"validateConfig\"", $"{{\"connectorId\":{String(random, "c-").Json},\"config\":{{}}}}"),
                "odd connectorId", Result(idJson, "connectorId refused", answer => IsInvalidParam(answer, "connectorId"))),
            < 72 => WrongSendData(random, idJson),
            < 78 => (
                Frame(idJson, "\"sendMessage\"", SendParams(
                    "\"x-no-address\"",
                    "\"Generic\"",
                    $",\"template\":{{\"subject\":{LoneSurrogateString(random, "s-").Json},\"content\":\"c\"}}")),
                "undecodable template subject", Result(idJson, "template refused", answer => IsInvalidParam(answer, "template.subject"))),
            < 84 => Initialize(random, idJson),
            _ => OddConfig(random, idJson),
        };

        var (json, category, expected) = request;
        return idKind == "unrepresentable"
            ? (json, "hostile: " + category + " (id unrepresentable)", [], 1)
            : (json, "hostile: " + category, [expected with { Kind = expected.Kind + " (hostile)" }], 0);
    }

    /// <summary>A $/cancelRequest for a hostile id: no answer.</summary>
    public static string CancelNotification(Random random)
    {
        var id = random.Next(2) == 0 ? String(random, "never-").Json : Number(random);
        return $"{{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{{\"id\":{id}}}}}";
    }

    private static (string Json, string Kind) Id(Random random, int serial) => random.Next(10) switch
    {
        < 5 => (String(random, $"h-{serial}-").Json, "string"),
        5 => (LoneSurrogateString(random, $"h-{serial}-").Json, "lone surrogate"),
        6 => ((random.Next(3) switch { 0 => -(3_000_000L + serial), 1 => long.MaxValue - serial, _ => long.MinValue + serial })
            .ToString(System.Globalization.CultureInfo.InvariantCulture), "64-bit integer"),
        7 => (UnrepresentableNumber(random), "unrepresentable"),
        8 => (new[] { "true", "false", "null", "{}", "[]", "[1]", "{\"id\":1}" }[random.Next(7)], "unrepresentable"),
        _ => ($"\"h-{serial}\\u0000\"", "string"),
    };

    private static (string, string, ExpectedAnswer) JsonRpcMember(Random random, string id) => random.Next(3) switch
    {
        0 => (Frame(id, "\"ping\"", version: "\"\\u0032.0\""), "escaped jsonrpc \"2.0\"", Result(id, "ping", IsEmptyResult)),
        1 => (Frame(id, "\"ping\"", version: LoneSurrogateString(random, "2.0").Json), "undecodable jsonrpc",
            Result(id, "bad jsonrpc", answer => IsError(answer, -32600))),
        _ => (Frame(id, "\"ping\"", version: Number(random)), "numeric jsonrpc",
            Result(id, "bad jsonrpc", answer => IsError(answer, -32600))),
    };

    /// <summary>Repeated members: the last counts (the decoy id, if answered, is an id nobody expects).</summary>
    private static (string, string, ExpectedAnswer) Repeated(Random random, string id, int serial) => random.Next(3) switch
    {
        0 => ($"{{\"jsonrpc\":\"2.0\",\"id\":\"decoy-{serial}\",\"method\":\"ping\",\"id\":{id}}}", "repeated id",
            Result(id, "ping", IsEmptyResult)),
        1 => ($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"nope\",\"method\":\"ping\"}}", "repeated method",
            Result(id, "ping", IsEmptyResult)),
        _ => (
            Frame(
                id,
                "\"validateConfig\"",
                $"{{\"connectorId\":\"{ConnectorId}\",\"config\":{{}},\"connectorId\":{String(random, "c-").Json}}}"),
            "repeated connectorId", Result(id, "connectorId refused", answer => IsInvalidParam(answer, "connectorId"))),
    };

    /// <summary>Nesting in params up to the limit of 64 (the frame object is level 1, params level 2), or one past it.</summary>
    private static (string, string, ExpectedAnswer) Deep(Random random, string id, bool inBatch)
    {
        var tooDeep = !inBatch && random.Next(3) == 0;
        var legal = inBatch ? 62 : 63;
        var depth = tooDeep ? 63 : random.Next(legal - 8, legal);
        var nested = Nested(random, depth, random.Next(2) == 0 ? Number(random) : String(random, "leaf-").Json);
        return tooDeep
            ? (Frame(id, "\"ping\"", $"{{\"x\":{nested}}}"), "nesting past the limit",
                Result(id, "too deep", answer => IsError(answer, -32700)))
            : (Frame(id, "\"ping\"", $"{{\"x\":{nested}}}"), "deep but legal nesting", Result(id, "ping", IsEmptyResult));
    }

    private (string, string, ExpectedAnswer) WrongSendData(Random random, string id)
    {
        var odd = random.Next(5) switch
        {
            0 => Number(random),
            1 => "[\"a@example.com\"]",
            2 => "{\"address\":\"a@example.com\"}",
            3 => "null",
            _ => String(random, "x-").Json,
        };
        var (to, type, param) = random.Next(3) switch
        {
            // A string without '@' reaches the connector, which refuses it as no address, with the same code.
            0 => (odd, "\"Generic\"", "to"),
            1 => ("\"x-no-address\"", odd, "type"),
            _ => ("\"x-no-address\"", "\"Generic\"", "ip"),
        };
        var ip = param == "ip"
            ? $",\"ip\":{(odd.StartsWith('"') ? LoneSurrogateString(random, "ip-").Json : odd == "null" ? "5" : odd)}"
            : "";
        return (Frame(id, "\"sendMessage\"", SendParams(to, type, ip)), $"{param} of the wrong shape",
            Result(id, "send data refused", answer => IsConnectorError(answer, "invalid_request_parameters")));
    }

    private static (string, string, ExpectedAnswer) Initialize(Random random, string id)
    {
        var name = String(random, "client-");
        return random.Next(3) switch
        {
            0 => (Frame(id, "\"initialize\"", $"{{\"protocolVersion\":{Number(random)}}}"), "numeric protocolVersion",
                Result(id, "protocolVersion refused", answer => IsInvalidParam(answer, "protocolVersion"))),
            _ => (Frame(
                    id,
                    "\"initialize\"",
                    $"{{\"protocolVersion\":\"{ProtocolNames.ProtocolVersion}\",\"client\":{{\"name\":{name.Json},\"version\":\"1\"}}}}"),
                "odd client name",
                name.HasLoneSurrogate
                    ? Result(id, "client refused", answer => IsInvalidParam(answer, "client.name"))
                    : Result(id, "initialize", answer => Rpc.ProtocolVersionOf(answer) == ProtocolNames.ProtocolVersion)),
        };
    }

    /// <summary>A valid config plus members the connector does not know, holding decodable but odd values: its business.</summary>
    private (string, string, ExpectedAnswer) OddConfig(Random random, string id)
    {
        var config = requests.Config().ToJsonString();
        var value = random.Next(3) switch
        {
            0 => Number(random),
            1 => Nested(random, random.Next(1, 55), String(random, "deep-", allowLoneSurrogates: false).Json),
            _ => String(random, "odd-", allowLoneSurrogates: false).Json,
        };
        var withExtra = $"{config[..^1]},{String(random, "extra-", allowLoneSurrogates: false).Json}:{value}}}";
        return (Frame(id, "\"validateConfig\"", $"{{\"connectorId\":\"{ConnectorId}\",\"config\":{withExtra}}}"),
            "config with odd extra members",
            Result(id, "validateConfig of an odd config", answer => IsEmptyResult(answer) || IsError(answer, -32000)));
    }

    private string SendParams(string to, string type, string extra = "") =>
        $"{{\"connectorId\":\"{ConnectorId}\",\"to\":{to},\"type\":{type},\"payload\":{{\"code\":\"1\"}}," +
        $"\"config\":{requests.Config().ToJsonString()}{extra}}}";

    private static string Frame(
        string id, string method, string? parameters = null, string version = "\"2.0\"", string? extra = null, bool extraFirst = false)
    {
        var members = $"\"jsonrpc\":{version},\"id\":{id},\"method\":{method}{(parameters is null ? "" : ",\"params\":" + parameters)}";
        return extra is null ? $"{{{members}}}" : extraFirst ? $"{{{extra},{members}}}" : $"{{{members},{extra}}}";
    }

    private static ExpectedAnswer Result(string id, string kind, Func<JsonNode, bool> isRight) => new(id, kind, isRight);

    private static bool IsEmptyResult(JsonNode answer) => answer["result"] is JsonObject { Count: 0 };

    private static bool IsError(JsonNode answer, int code) => answer["error"]?["code"]?.GetValue<int>() == code;

    private static bool IsInvalidParam(JsonNode answer, string param) =>
        IsError(answer, -32602) && answer["error"]?["data"]?["param"]?.GetValue<string>() == param;

    private static bool IsConnectorError(JsonNode answer, string code) =>
        IsError(answer, -32000) && answer["error"]?["data"]?["code"]?.GetValue<string>() == code;
}
