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
    /// error can answer it. A repeated member counts once, the last (as JavaScript's JSON.parse reads it). Never throws:
    /// a method that escapes a lone surrogate is kept as such (it names no method), other members are read through
    /// <see cref="JsonText"/>.
    /// </summary>
    public static JsonRpcMessage Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Invalid(null, "a message must be a JSON object");
        }

        var envelope = Envelope.Read(element);
        RequestId? id = null;
        if (envelope.Id is { } idElement)
        {
            if (!RequestId.TryRead(idElement, out var parsed))
            {
                return Invalid(null, "'id' must be a string or an integer");
            }

            id = parsed;
        }

        if (envelope.Version is not { } version || !JsonText.ValueEquals(version, "2.0"u8))
        {
            return Invalid(id, "'jsonrpc' must be \"2.0\"");
        }

        if (envelope.Method is not { } method)
        {
            return envelope.HasResultOrError
                ? new JsonRpcMessage(JsonRpcMessageKind.Response, id)
                : Invalid(id, "'method' is missing");
        }

        if (method.ValueKind != JsonValueKind.String)
        {
            return Invalid(id, "'method' must be a string");
        }

        JsonElement? parameters = null;
        if (envelope.Params is { ValueKind: not JsonValueKind.Null } paramsElement)
        {
            if (paramsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Invalid(id, "'params' must be an object or an array");
            }

            parameters = paramsElement;
        }

        var kind = id is null ? JsonRpcMessageKind.Notification : JsonRpcMessageKind.Request;
        return new JsonRpcMessage(kind, id, JsonText.GetStringLenient(method), parameters);
    }

    private static JsonRpcMessage Invalid(RequestId? id, string problem) => new(JsonRpcMessageKind.Invalid, id, Problem: problem);

    /// <summary>The envelope's members in one pass (a lookup by name throws when it passes a name that cannot be decoded).</summary>
    private readonly record struct Envelope(
        JsonElement? Id,
        JsonElement? Version,
        JsonElement? Method,
        JsonElement? Params,
        bool HasResultOrError)
    {
        public static Envelope Read(JsonElement message)
        {
            var envelope = default(Envelope);
            foreach (var member in message.EnumerateObject())
            {
                if (JsonText.NameEquals(member, "id"u8))
                {
                    envelope = envelope with { Id = member.Value };
                }
                else if (JsonText.NameEquals(member, "jsonrpc"u8))
                {
                    envelope = envelope with { Version = member.Value };
                }
                else if (JsonText.NameEquals(member, "method"u8))
                {
                    envelope = envelope with { Method = member.Value };
                }
                else if (JsonText.NameEquals(member, "params"u8))
                {
                    envelope = envelope with { Params = member.Value };
                }
                else if (JsonText.NameEquals(member, "result"u8) || JsonText.NameEquals(member, "error"u8))
                {
                    envelope = envelope with { HasResultOrError = true };
                }
            }

            return envelope;
        }
    }
}
