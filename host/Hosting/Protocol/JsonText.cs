using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Logto.ConnectorHost.Protocol;

/// <summary>
/// Reads strings and member names of parsed input without throwing. Valid JSON may escape a lone surrogate (<c>"\ud800"</c>):
/// JsonDocument accepts it, but <c>GetString</c>, <c>ValueEquals</c>, <c>NameEquals</c>, <c>Name</c>, <c>WriteTo</c> and
/// <c>TryGetProperty</c> (when its search passes such a name) throw InvalidOperationException, which once stopped the host.
/// Input is UTF-8-checked before parsing, so a lone surrogate escape is the only string that cannot be decoded.
/// </summary>
internal static class JsonText
{
    /// <summary>The string's value; false when it is not a string or escapes a lone surrogate.</summary>
    public static bool TryGetString(JsonElement element, out string value)
    {
        if (element.ValueKind == JsonValueKind.String && IsDecodable(JsonMarshal.GetRawUtf8Value(element)))
        {
            value = element.GetString()!;
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>
    /// True when <paramref name="element"/> is a string equal to <paramref name="utf8"/>; false, never a throw,
    /// otherwise.
    /// </summary>
    public static bool ValueEquals(JsonElement element, ReadOnlySpan<byte> utf8) =>
        element.ValueKind == JsonValueKind.String && IsDecodable(JsonMarshal.GetRawUtf8Value(element)) && element.ValueEquals(utf8);

    /// <summary>True when the member's name is <paramref name="utf8"/>; false for a name that escapes a lone surrogate.</summary>
    public static bool NameEquals(JsonProperty property, ReadOnlySpan<byte> utf8) =>
        IsDecodable(JsonMarshal.GetRawUtf8PropertyName(property)) && property.NameEquals(utf8);

    /// <summary>The member's name, a lone surrogate kept as such (for lookups and masks, never written back as JSON).</summary>
    public static string NameOf(JsonProperty property) =>
        IsDecodable(JsonMarshal.GetRawUtf8PropertyName(property))
            ? property.Name
            : DecodeLenient(JsonMarshal.GetRawUtf8PropertyName(property));

    /// <summary>A string's value, lone surrogates kept as such; "" for a non-string.</summary>
    public static string GetStringLenient(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return "";
        }

        var raw = JsonMarshal.GetRawUtf8Value(element);
        return IsDecodable(raw) ? element.GetString()! : DecodeLenient(raw[1..^1]);
    }

    /// <summary>
    /// The member of an object named <paramref name="utf8"/>, the last one when the name repeats (as JavaScript's JSON.parse
    /// does); members whose names cannot be decoded are skipped instead of throwing.
    /// </summary>
    public static bool TryGetMember(JsonElement element, ReadOnlySpan<byte> utf8, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var found = false;
        foreach (var property in element.EnumerateObject())
        {
            if (NameEquals(property, utf8))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the escapes in raw JSON string text (a value with its quotes, or a name) decode to valid UTF-16: every
    /// <c>\uD800</c>–<c>\uDBFF</c> followed by a <c>\uDC00</c>–<c>\uDFFF</c>, and no low surrogate alone.
    /// </summary>
    public static bool IsDecodable(ReadOnlySpan<byte> raw)
    {
        var at = raw.IndexOf((byte)'\\');
        if (at < 0)
        {
            return true;
        }

        var expectLow = false;
        for (var i = at; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                if (expectLow)
                {
                    return false;
                }

                continue;
            }

            var escaped = raw[i + 1];
            if (escaped != 'u')
            {
                if (expectLow)
                {
                    return false;
                }

                i++;
                continue;
            }

            var unit = ParseHex(raw.Slice(i + 2, 4));
            i += 5;
            if (expectLow != char.IsLowSurrogate(unit))
            {
                return false;
            }

            expectLow = char.IsHighSurrogate(unit);
        }

        return !expectLow;
    }

    /// <summary>Escapes a string as a JSON string literal, writing each lone surrogate as <c>\uXXXX</c> instead of replacing it.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                json.Append(c).Append(text[++i]);
            }
            else if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c) || c is '\u007F' or '\u2028' or '\u2029')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>Whether a .NET string is valid UTF-16 (no lone surrogate), i.e. can be written as JSON without loss.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes the content of a JSON string (between its quotes; valid JSON, valid UTF-8), keeping lone surrogates.</summary>
    public static string DecodeLenient(ReadOnlySpan<byte> content)
    {
        var text = new StringBuilder(content.Length);
        while (!content.IsEmpty)
        {
            var at = content.IndexOf((byte)'\\');
            if (at < 0)
            {
                text.Append(Encoding.UTF8.GetString(content));
                break;
            }

            text.Append(Encoding.UTF8.GetString(content[..at]));
            var escaped = content[at + 1];
            switch (escaped)
            {
                case (byte)'u':
                    text.Append(ParseHex(content.Slice(at + 2, 4)));
                    content = content[(at + 6)..];
                    continue;
                case (byte)'b':
                    text.Append('\b');
                    break;
                case (byte)'f':
                    text.Append('\f');
                    break;
                case (byte)'n':
                    text.Append('\n');
                    break;
                case (byte)'r':
                    text.Append('\r');
                    break;
                case (byte)'t':
                    text.Append('\t');
                    break;
                default: // '"', '\\', '/'
                    text.Append((char)escaped);
                    break;
            }

            content = content[(at + 2)..];
        }

        return text.ToString();
    }

    private static char ParseHex(ReadOnlySpan<byte> hex) =>
        (char)int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
