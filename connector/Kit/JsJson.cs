using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>
/// <c>JSON.stringify(JSON.parse(text))</c> as V8 (ES2019+, well-formed stringify) computes it, for JSON a connector received
/// from Logto: key order (array-index keys ascending, then the others in creation order; a duplicate key keeps its first
/// position and its last value), numbers as <c>Number::toString</c> of the parsed double (<c>1e400</c> → <c>null</c>), and
/// strings escaped code unit by code unit (<c>\u001f</c> lowercase, lone surrogates as <c>\udxxx</c>, U+2028/2029 and
/// non-ASCII verbatim). Strings are decoded from the raw JSON text, so a lone surrogate survives as JavaScript keeps it.
/// </summary>
/// <remarks>
/// Hand-written because System.Text.Json's writer differs on every one of those points (its encoders escape non-ASCII or
/// HTML characters, numbers are written as parsed, surrogates cannot be represented). ECMA-262 SerializeJSONProperty,
/// QuoteJSONString, OrdinaryOwnPropertyKeys.
/// </remarks>
public static class JsJson
{
    /// <summary>
    /// Stringifies <paramref name="value"/> without the top-level members named in <paramref name="omit"/>
    /// (<c>{locale, ...rest}</c>).
    /// </summary>
    public static string Stringify(JsonElement value, params string[] omit)
    {
        ArgumentNullException.ThrowIfNull(omit);
        var output = new StringBuilder(256);
        Write(output, value, omit);
        return output.ToString();
    }

    private static void Write(StringBuilder output, JsonElement value, string[] omit)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(output, value, omit);
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    output.Append(first ? string.Empty : ",");
                    first = false;
                    Write(output, item, []);
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                Quote(output, ReadString(value));
                break;
            case JsonValueKind.Number:
                var number = double.Parse(JsonMarshal.GetRawUtf8Value(value), NumberStyles.Float, CultureInfo.InvariantCulture);
                output.Append(double.IsFinite(number) ? JsNumber.ToString(number) : "null");
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    private static void WriteObject(StringBuilder output, JsonElement value, string[] omit)
    {
        // JSON.parse: keys in text order, a duplicate keeps its first position and takes the last value.
        var members = new List<(string Key, JsonElement Value)>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var key = Decode(JsonMarshal.GetRawUtf8PropertyName(property), quoted: false);
            if (positions.TryGetValue(key, out var at))
            {
                members[at] = (key, property.Value);
            }
            else
            {
                positions[key] = members.Count;
                members.Add((key, property.Value));
            }
        }

        // OrdinaryOwnPropertyKeys: array indices ascending first, then the other keys in creation order.
        var ordered = members.Where(m => IsArrayIndex(m.Key, out _)).OrderBy(m => IsArrayIndex(m.Key, out var index) ? index : 0)
            .Concat(members.Where(m => !IsArrayIndex(m.Key, out _)));
        output.Append('{');
        var first = true;
        foreach (var (key, member) in ordered)
        {
            if (Array.IndexOf(omit, key) >= 0)
            {
                continue;
            }

            output.Append(first ? string.Empty : ",");
            first = false;
            Quote(output, key);
            output.Append(':');
            Write(output, member, []);
        }

        output.Append('}');
    }

    /// <summary>
    /// A JSON string's text as JavaScript holds it: <see cref="JsonElement.GetString"/> refuses a lone surrogate
    /// (<c>"\ud800"</c>, which <c>JSON.stringify</c> writes), so the raw token is decoded escape by escape.
    /// </summary>
    internal static string ReadString(JsonElement value) => Decode(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>
    /// <c>object[name]</c> on a JSON object, the last duplicate winning. <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
    /// throws when its search passes a member name holding a lone surrogate (<c>{"\ud800": 1}</c>, valid JSON); such a name is
    /// then compared as JavaScript holds it.
    /// </summary>
    internal static bool TryGetMember(JsonElement container, string name, out JsonElement value)
    {
        try
        {
            return container.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            value = default;
            var found = false;
            foreach (var property in container.EnumerateObject())
            {
                if (Decode(JsonMarshal.GetRawUtf8PropertyName(property), quoted: false) == name)
                {
                    value = property.Value;
                    found = true;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// A canonical numeric string of an integer in [0, 2³² − 2]: <c>"0"</c>, <c>"7"</c>, not <c>"07"</c> or
    /// <c>"4294967295"</c>.
    /// </summary>
    private static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        return key.Length is > 0 and <= 10 && (key == "0" || key[0] != '0') && key.All(char.IsAsciiDigit)
            && uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index != uint.MaxValue;
    }

    // The JSON token's UTF-16 code units, escapes decoded one by one so that a lone surrogate stays a lone surrogate.
    private static string Decode(ReadOnlySpan<byte> raw, bool quoted = true)
    {
        if (quoted)
        {
            raw = raw[1..^1];
        }

        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var run = backslash < 0 ? raw : raw[..backslash];
            text.Append(Encoding.UTF8.GetString(run));
            if (backslash < 0)
            {
                break;
            }

            var escape = raw[backslash + 1];
            var length = 2;
            _ = escape switch
            {
                (byte)'b' => text.Append('\b'),
                (byte)'f' => text.Append('\f'),
                (byte)'n' => text.Append('\n'),
                (byte)'r' => text.Append('\r'),
                (byte)'t' => text.Append('\t'),
                (byte)'u' => text.Append(
                    (char)int.Parse(raw.Slice(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)),
                _ => text.Append((char)escape), // \" \\ \/
            };
            if (escape == (byte)'u')
            {
                length = 6;
            }

            raw = raw[(backslash + length)..];
        }

        return text.ToString();
    }

    // QuoteJSONString, code unit by code unit; a surrogate is verbatim only as part of a pair.
    private static void Quote(StringBuilder output, string text)
    {
        output.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case < ' ':
                    output.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    output.Append(c).Append(text[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        output.Append('"');
    }
}
