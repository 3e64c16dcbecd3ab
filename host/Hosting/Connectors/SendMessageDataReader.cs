using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Connectors;

/// <summary>
/// Logto's <c>SendMessageData</c> out of <c>sendMessage</c>'s params. A value of the wrong shape (<c>to</c> not a string,
/// <c>type</c> not exactly one of Logto's template types, <c>payload</c> not an object, <c>ip</c> neither a string nor
/// null, or a string escaping a lone surrogate) is the caller's data at fault: answered as a connector error
/// <c>invalid_request_parameters</c> (Logto answers 400), as Logto's own connectors refuse bad request data.
/// </summary>
internal static class SendMessageDataReader
{
    private static readonly FrozenDictionary<string, TemplateType> TemplateTypes =
        Enum.GetValues<TemplateType>().ToFrozenDictionary(type => type.ToString(), StringComparer.Ordinal);

    public static SendMessageData Read(SendMessageParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JsonText.TryGetString(request.To, out var to))
        {
            throw Refused("to", "'to' must be a string: the recipient's address or phone number.");
        }

        if (!JsonText.TryGetString(request.Type, out var name) || !TemplateTypes.TryGetValue(name, out var type))
        {
            throw Refused("type", $"'type' must be one of Logto's template types: {string.Join(", ", Enum.GetNames<TemplateType>())}.");
        }

        if (request.Payload.ValueKind != JsonValueKind.Object)
        {
            throw Refused("payload", "'payload' must be an object.");
        }

        string? ip = null;
        if (request.Ip is { ValueKind: not JsonValueKind.Null } ipElement && !JsonText.TryGetString(ipElement, out ip))
        {
            throw Refused("ip", "'ip' must be a string when given.");
        }

        return new SendMessageData(to, type, request.Payload, ip);
    }

    private static JsonRpcException Refused(string param, string message)
    {
        var code = ConnectorErrorCode.InvalidRequestParameters.ToWire();
        var data = new ConnectorErrorData
        {
            Code = code,
            Data = JsonSerializer.SerializeToElement<JsonNode>(
                new JsonObject { ["message"] = message, ["param"] = param }, HostJsonContext.Wire.JsonNode),
        };
        return new JsonRpcException(
            JsonRpcErrorCodes.ConnectorError,
            "Connector error: " + code,
            JsonSerializer.SerializeToElement(data, HostJsonContext.Wire.ConnectorErrorData));
    }
}
