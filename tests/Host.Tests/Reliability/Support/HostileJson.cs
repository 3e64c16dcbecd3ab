using System.Globalization;
using System.Text;

namespace Host.Tests.Reliability.Support;

/// <summary>
/// Valid JSON with hostile content, written as text (JsonNode cannot write a lone surrogate: its writer replaces it): strings
/// of escapes, lone and paired surrogates, NUL and other controls, long runs; numbers out of every range; deep nesting.
/// Each string comes with the value it decodes to, so the oracle knows what the host must echo.
/// </summary>
internal static class HostileJson
{
    /// <summary>A JSON string literal and the UTF-16 value it decodes to (lone surrogates kept).</summary>
    internal readonly record struct HostileString(string Json, string Value)
    {
        public bool HasLoneSurrogate => !IsWellFormed(Value);
    }

    private static readonly (string Json, string Value)[] Pieces =
    [
        ("\\\"", "\""), ("\\\\", "\\"), ("\\/", "/"), ("\\b", "\b"), ("\\f", "\f"), ("\\n", "\n"), ("\\r", "\r"), ("\\t", "\t"),
        ("\\u0000", "\0"), ("\\u001f", "\u001f"), ("\\u007F", "\u007f"), ("\\u2028", "\u2028"), ("\\uFEFF", "\uFEFF"),
        ("\\uffff", "\uffff"), ("\\u0041", "A"), ("\\\\ud800", "\\ud800"), ("é", "é"), ("日本", "日本"), ("😀", "😀"),
        ("\\ud83d\\ude00", "😀"), ("\\uD83D\\uDE00", "😀"), ("\u202e", "\u202e"), ("\u0085", "\u0085"),
        ("{\\\"id\\\":1}", "{\"id\":1}"), ("Content-Length: 5", "Content-Length: 5"),
    ];

    private static readonly string[] LoneSurrogates = ["\\ud800", "\\uDBFF", "\\udc00", "\\uDFFF", "\\ude00", "\\ud83d"];

    /// <summary>
    /// A hostile string starting with <paramref name="prefix"/> (plain ASCII, so it stays unique and never a known name).
    /// </summary>
    public static HostileString String(Random random, string prefix, bool allowLoneSurrogates = true)
    {
        var json = new StringBuilder("\"").Append(prefix);
        var value = new StringBuilder(prefix);
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            if (allowLoneSurrogates && random.Next(4) == 0)
            {
                var lone = LoneSurrogates[random.Next(LoneSurrogates.Length)];
                json.Append(lone);
                value.Append((char)int.Parse(lone.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                continue;
            }

            var (pieceJson, pieceValue) = Pieces[random.Next(Pieces.Length)];
            var repeat = random.Next(20) == 0 ? random.Next(100, 1000) : 1;
            for (var i = 0; i < repeat; i++)
            {
                json.Append(pieceJson);
                value.Append(pieceValue);
            }
        }

        return new(json.Append('"').ToString(), value.ToString());
    }

    /// <summary>A string that surely escapes a lone surrogate.</summary>
    public static HostileString LoneSurrogateString(Random random, string prefix)
    {
        var text = String(random, prefix);
        return text.HasLoneSurrogate ? text : new(text.Json[..^1] + "\\udc01\"", text.Value + "\udc01");
    }

    /// <summary>A number no 64-bit integer id can hold, or a non-integer: answered as an invalid request.</summary>
    public static string UnrepresentableNumber(Random random) => random.Next(8) switch
    {
        0 => "1e400",
        1 => "-1e400",
        2 => "18446744073709551616",
        3 => "-9223372036854775809",
        4 => "1.5",
        5 => "1E2",
        6 => "-0.0",
        _ => "1" + new string('0', random.Next(20, 400)),
    };

    /// <summary>Any number, as JSON text, for values the host does not interpret.</summary>
    public static string Number(Random random) => random.Next(6) switch
    {
        0 => UnrepresentableNumber(random),
        1 => "-0",
        2 => "9223372036854775807",
        3 => "4.9e-324",
        4 => "-1.7976931348623157e308",
        _ => random.Next().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Nested arrays and objects holding <paramref name="leaf"/>, <paramref name="levels"/> deep.</summary>
    public static string Nested(Random random, int levels, string leaf)
    {
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            if (random.Next(2) == 0)
            {
                open.Append('[');
                close.Insert(0, ']');
            }
            else
            {
                open.Append("{\"k\":");
                close.Insert(0, '}');
            }
        }

        return open.Append(leaf).Append(close).ToString();
    }

    // The BCL's UTF-16 decoder, not a copy of the host's JsonText.IsWellFormed: the oracle stays independent of the code it checks.
    public static bool IsWellFormed(string text)
    {
        for (var rest = text.AsSpan(); !rest.IsEmpty;)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    /// <summary>
    /// Decodes a JSON string literal (with its quotes) keeping lone surrogates: written apart from the host's decoder, to
    /// judge the ids it echoes.
    /// </summary>
    public static string Decode(string literal)
    {
        var value = new StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] != '\\')
            {
                value.Append(literal[i]);
                continue;
            }

            var escaped = literal[++i];
            if (escaped == 'u')
            {
                value.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }

            value.Append(escaped switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escaped });
        }

        return value.ToString();
    }
}
