using System.Text.Json;
using Logto.ConnectorHost.Dispatch;

namespace Host.Tests.Dispatch;

public sealed class JsonRpcMessageTests
{
    public static TheoryData<string, string, string?> Messages() => new()
    {
        { """{"jsonrpc":"2.0","id":1,"method":"ping"}""", nameof(JsonRpcMessageKind.Request), "1" },
        { """{"jsonrpc":"2.0","id":"a","method":"ping","params":null}""", nameof(JsonRpcMessageKind.Request), "\"a\"" },
        { """{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}""", nameof(JsonRpcMessageKind.Notification), null },
        { """{"jsonrpc":"2.0","id":1,"result":{}}""", nameof(JsonRpcMessageKind.Response), "1" },
        { """{"id":1,"method":"ping"}""", nameof(JsonRpcMessageKind.Invalid), "1" },
        { """{"jsonrpc":"1.0","id":1,"method":"ping"}""", nameof(JsonRpcMessageKind.Invalid), "1" },
        { """{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", nameof(JsonRpcMessageKind.Invalid), null },
        { """{"jsonrpc":"2.0","id":null,"method":"ping"}""", nameof(JsonRpcMessageKind.Invalid), null },
        { """{"jsonrpc":"2.0","id":{},"method":"ping"}""", nameof(JsonRpcMessageKind.Invalid), null },
        { """{"jsonrpc":"2.0","id":1,"method":5}""", nameof(JsonRpcMessageKind.Invalid), "1" },
        { """{"jsonrpc":"2.0","id":1}""", nameof(JsonRpcMessageKind.Invalid), "1" },
        { """{"jsonrpc":"2.0","id":1,"method":"ping","params":"x"}""", nameof(JsonRpcMessageKind.Invalid), "1" },
        { "42", nameof(JsonRpcMessageKind.Invalid), null },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_classifies_per_json_rpc_2_0_and_keeps_a_valid_id(string json, string kind, string? id)
    {
        using var document = JsonDocument.Parse(json);

        var message = JsonRpcMessage.Parse(document.RootElement);

        Assert.Equal(kind, message.Kind.ToString());
        Assert.Equal(id, message.Id?.ToString());
    }
}
