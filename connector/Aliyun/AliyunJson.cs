using System.Text.Json;

namespace Logto.Connector.Aliyun;

/// <summary>
/// Reads Aliyun's JSON answers defensively: a body that is not JSON, a member of the wrong type, or a string that is not valid
/// UTF-16 once unescaped (a lone surrogate, which <see cref="JsonElement.GetString"/> refuses with an exception) all read as
/// "not there", so the caller answers <c>invalid_response</c> instead of failing the call with an internal error.
/// </summary>
public static class AliyunJson
{
    public static bool TryParse(string body, out JsonElement json)
    {
        try
        {
            json = JsonElement.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            json = default;
            return false;
        }
    }

    /// <summary>A string member of an object.</summary>
    public static bool TryGetString(JsonElement json, string name, out string value)
    {
        value = string.Empty;
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var member) && TryReadString(member, out value);
    }

    /// <summary>
    /// A member that is absent (null) or a string; false for any other type (<c>null</c> included, as zod's <c>.optional()</c>).
    /// </summary>
    public static bool TryGetOptionalString(JsonElement json, string name, out string? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(name, out var member))
        {
            return json.ValueKind == JsonValueKind.Object;
        }

        var ok = TryReadString(member, out var text);
        value = ok ? text : null;
        return ok;
    }

    private static bool TryReadString(JsonElement member, out string value)
    {
        value = string.Empty;
        if (member.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = member.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
