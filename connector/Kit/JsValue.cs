using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>JavaScript's view of a JSON value: property access as in Logto's <c>getValue</c>, and <c>String(value ?? '')</c>.</summary>
public static class JsValue
{
    /// <summary>
    /// <c>object[name]</c> for an own member: object properties (last duplicate wins, like <c>JSON.parse</c>), array
    /// indices and <c>length</c>.
    /// </summary>
    public static bool TryGetMember(JsonElement container, string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        value = default;
        switch (container.ValueKind)
        {
            case JsonValueKind.Object:
                return JsJson.TryGetMember(container, name, out value);
            case JsonValueKind.Array:
                if (name == "length")
                {
                    value = JsonElement.Parse(container.GetArrayLength().ToString(CultureInfo.InvariantCulture));
                    return true;
                }

                if (IsCanonicalIndex(name, out var index) && index < container.GetArrayLength())
                {
                    value = container[index];
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// Logto's <c>getValue</c>: walks the dotted path; anything that is not an object or array on the way gives
    /// <c>undefined</c> (null).
    /// </summary>
    public static JsonElement? GetPath(JsonElement root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonElement? current = root;
        foreach (var part in path.Split('.'))
        {
            if (current is not { ValueKind: JsonValueKind.Object or JsonValueKind.Array } container)
            {
                return null;
            }

            current = TryGetMember(container, part, out var next) ? next : null;
        }

        return current;
    }

    /// <summary>
    /// <c>String(value ?? '')</c>: numbers as JS prints them, arrays joined with <c>,</c>, objects as
    /// <c>[object Object]</c>.
    /// </summary>
    public static string ToJsString(JsonElement? value) => value is { } element ? ToJsString(element) : string.Empty;

    private static string ToJsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsJson.ReadString(value),
        JsonValueKind.Number => JsNumber.ToString(double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(item => ToJsString(item))),
        JsonValueKind.Object => "[object Object]",
        _ => string.Empty, // null inside Array.prototype.join, or ?? '' at the top
    };

    // Array indices are canonical numeric strings: "0", "12", never "01" or "+1".
    private static bool IsCanonicalIndex(string name, out int index)
    {
        index = -1;
        if (name.Length == 0 || name.Length > 10 || (name.Length > 1 && name[0] == '0') || !name.All(char.IsAsciiDigit))
        {
            return false;
        }

        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
