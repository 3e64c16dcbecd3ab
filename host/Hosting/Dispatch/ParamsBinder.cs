using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// Binds by-name params to a wire type; failures become -32602 naming the param, never echoing its value. A string the host
/// cannot represent (one escaping a lone surrogate) is such a failure: the serializer reports it as a JsonException at its path.
/// </summary>
internal static class ParamsBinder
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}"u8.ToArray()).RootElement;

    public static T Bind<T>(JsonElement? parameters, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var element = parameters ?? EmptyObject;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RpcErrors.InvalidParams("params", "must be an object (by-name params)");
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.IsRequired && !JsonText.TryGetMember(element, System.Text.Encoding.UTF8.GetBytes(property.Name), out _))
            {
                throw RpcErrors.InvalidParams(property.Name, "is required");
            }
        }

        try
        {
            return element.Deserialize(typeInfo) ?? throw RpcErrors.InvalidParams("params", "must be an object (by-name params)");
        }
        catch (JsonException exception)
        {
            throw RpcErrors.InvalidParams(ParamOf(exception.Path), "has the wrong type or value");
        }
        catch (InvalidOperationException)
        {
            // Not seen from the serializer (it rethrows decoding failures as JsonException with a path); kept so that no
            // params can fail a request other than with -32602.
            throw RpcErrors.InvalidParams("params", "has the wrong type or value");
        }
    }

    private static string ParamOf(string? path) => path switch
    {
        null or "$" => "params",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path.TrimStart('$'),
    };
}
