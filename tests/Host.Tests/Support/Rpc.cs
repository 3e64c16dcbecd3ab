using System.Text.Json.Nodes;
using Logto.ConnectorHost.Protocol;

namespace Host.Tests.Support;

/// <summary>Small helpers to build requests and read answers.</summary>
internal static class Rpc
{
    public static string Request(object id, string method, JsonNode? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonValue.Create(id), ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message.ToJsonString();
    }

    public static string Notification(string method, JsonNode? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return message.ToJsonString();
    }

    public static string Initialize(object id) => Request(id, "initialize", new JsonObject
    {
        ["protocolVersion"] = ProtocolNames.ProtocolVersion,
        ["client"] = new JsonObject { ["name"] = "host-tests", ["version"] = "1" },
    });

    public static int? ErrorCode(JsonNode? response) => response?["error"]?["code"]?.GetValue<int>();

    /// <summary>The protocol version an <c>initialize</c> answer states, if any.</summary>
    public static string? ProtocolVersionOf(JsonNode? response) => response?["result"]?["protocolVersion"]?.GetValue<string>();

    /// <summary>
    /// The answer's id as the host wrote it (raw JSON: a lone surrogate stays an escape, which ToJsonString cannot write).
    /// </summary>
    public static string? Id(JsonNode? response) => response?["id"] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<System.Text.Json.JsonElement>(out var element) => element.GetRawText(),
        var id => id.ToJsonString(),
    };
}
