using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>One classified incoming message (a batch member or a whole frame).</summary>
internal readonly record struct JsonRpcMessage(
    JsonRpcMessageKind Kind,
    RequestId? Id = null,
    string Method = "",
    JsonElement? Params = null,
    string? Problem = null)
{
    /// <summary>
    /// Classifies a parsed message per JSON-RPC 2.0: <c>"jsonrpc":"2.0"</c> required, id a string or integer, method a string,
    /// params an object or array (<c>null</c> is read as absent). The id is kept even when another member is wrong, so the
    /// error can answer it.
    /// </summary>
    public static JsonRpcMessage Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Invalid(null, "a message must be a JSON object");
        }

        RequestId? id = null;
        var hasId = element.TryGetProperty("id"u8, out var idElement);
        if (hasId)
        {
            if (!RequestId.TryRead(idElement, out var parsed))
            {
                return Invalid(null, "'id' must be a string or an integer");
            }

            id = parsed;
        }

        if (!element.TryGetProperty("jsonrpc"u8, out var version) || version.ValueKind != JsonValueKind.String
            || !version.ValueEquals("2.0"u8))
        {
            return Invalid(id, "'jsonrpc' must be \"2.0\"");
        }

        if (!element.TryGetProperty("method"u8, out var method))
        {
            return element.TryGetProperty("result"u8, out _) || element.TryGetProperty("error"u8, out _)
                ? new JsonRpcMessage(JsonRpcMessageKind.Response, id)
                : Invalid(id, "'method' is missing");
        }

        if (method.ValueKind != JsonValueKind.String)
        {
            return Invalid(id, "'method' must be a string");
        }

        JsonElement? parameters = null;
        if (element.TryGetProperty("params"u8, out var paramsElement) && paramsElement.ValueKind != JsonValueKind.Null)
        {
            if (paramsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Invalid(id, "'params' must be an object or an array");
            }

            parameters = paramsElement;
        }

        return new JsonRpcMessage(hasId ? JsonRpcMessageKind.Request : JsonRpcMessageKind.Notification, id, method.GetString()!, parameters);
    }

    private static JsonRpcMessage Invalid(RequestId? id, string problem) => new(JsonRpcMessageKind.Invalid, id, Problem: problem);
}
