using System.Text.Json;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Connectors;

/// <summary>
/// <c>initialize</c>'s params read by hand, the way <see cref="ParamsBinder"/> binds them to <see cref="InitializeParams"/>
/// (same values, same -32602 errors, in document order; a test holds both equal): the serializer's metadata for these types
/// is created by reflection on first use, and <c>initialize</c> is the first request of every start.
/// </summary>
internal static class InitializeParamsReader
{
    private const string ProtocolVersion = "protocolVersion";
    private const string Client = "client";

    public static InitializeParams Read(JsonElement? parameters)
    {
        if (parameters is { } element && element.ValueKind != JsonValueKind.Object)
        {
            throw RpcErrors.InvalidParams("params", "must be an object (by-name params)");
        }

        if (parameters is not { } members || !JsonText.TryGetMember(members, "protocolVersion"u8, out _))
        {
            throw RpcErrors.InvalidParams(ProtocolVersion, "is required");
        }

        string? protocolVersion = null;
        ClientInfo? client = null;
        foreach (var property in members.EnumerateObject())
        {
            if (JsonText.NameEquals(property, "protocolVersion"u8))
            {
                protocolVersion = ReadString(property.Value, ProtocolVersion);
            }
            else if (JsonText.NameEquals(property, "client"u8))
            {
                client = ReadClient(property.Value);
            }
        }

        return new InitializeParams { ProtocolVersion = protocolVersion!, Client = client };
    }

    private static ClientInfo? ReadClient(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongValue(Client);
        }

        string? name = null;
        string? version = null;
        foreach (var property in value.EnumerateObject())
        {
            if (JsonText.NameEquals(property, "name"u8))
            {
                name = ReadString(property.Value, "client.name");
            }
            else if (JsonText.NameEquals(property, "version"u8))
            {
                version = ReadString(property.Value, "client.version");
            }
        }

        return name is null || version is null ? throw WrongValue(Client) : new ClientInfo { Name = name, Version = version };
    }

    private static string ReadString(JsonElement value, string param)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongValue(param);
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw WrongValue(param);
        }
    }

    private static JsonRpcException WrongValue(string param) => RpcErrors.InvalidParams(param, "has the wrong type or value");
}
