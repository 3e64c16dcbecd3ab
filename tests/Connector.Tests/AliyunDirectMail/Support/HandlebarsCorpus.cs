using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>
/// A seeded corpus of (template, payload JSON) pairs for comparing our renderer with Logto's: nested paths, missing leaves,
/// unknown roots, JS number edge cases, booleans, null, arrays, objects, whitespace inside braces, non-ASCII keys that the
/// ASCII <c>\w</c> must not match, broken and adjacent placeholders. Inherited JS members (<c>constructor</c>…) are left out
/// on purpose (a documented deviation).
/// </summary>
internal sealed class HandlebarsCorpus(int seed)
{
    private static readonly string[] RootKeys =
    [
        "code", "link", "locale", "uiLocales", "user", "application", "organization", "inviter", "a", "b", "x_1", "n", "arr", "_",
        "0", "9lives", "é", "名前", "a-b", "",
    ];

    private static readonly string[] NestedKeys =
    [
        "id", "name", "displayName", "branding", "logoUrl", "profile", "0", "1", "length", "é", "nested", "value", "",
    ];

    private static readonly string[] NumberTexts =
    [
        "0", "-0", "1", "-1", "42", "3.14", "-2.5", "0.1", "1e21", "1e-7", "1E+21", "123456789012345678901234", "12345678901234567890",
        "9007199254740993", "1.7976931348623157e308", "5e-324", "1e400", "-1e400", "0.000001", "0.0000001", "100", "1e2", "2.50",
        "123e-20", "999999999999999999999", "1000000000000000000000", "0.30000000000000004",
    ];

    private static readonly string[] Strings =
    [
        "", "123456", "Logto", "<b>bold</b>", "a & b", "it's \"quoted\"", "é中文🙂", "$&$1", "line\nbreak", " spaced ", "{{code}}",
    ];

    private static readonly string[] WhiteSpace =
    [
        "", "", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\uFEFF", "\u0085", "\u2028", "\u3000", "\u200B", "\u180E",
    ];

    private static readonly string[] Text =
    [
        "Hello ", "<p>", "</p>", "&amp;", "é中文", "", "$&", "$1", "\\", "{", "}", " ", "{{", "}}", "{ {code}}", "{{code}", "{{}}",
    ];

    private static readonly string[] OddPaths =
    [
        "unknownRoot.x", "missing", ".code", "code.", "code..x", "a.b.c.d.e", "user..name", "arr.01", "arr.-1", "é", "user.名前",
        "a-b", "constructor_", "n.toFixed_",
    ];

    private readonly Random random = new(seed);

    public IEnumerable<(string Template, string PayloadJson)> Cases(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var payload = Payload();
            yield return (Template(payload), payload.GetRawText());
        }
    }

    private JsonElement Payload()
    {
        var json = new StringBuilder("{");
        var members = random.Next(0, 7);
        for (var i = 0; i < members; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(JsonSerializer.Serialize(Pick(RootKeys))).Append(':');
            AppendValue(json, depth: 0);
        }

        return JsonDocument.Parse(json.Append('}').ToString()).RootElement.Clone();
    }

    private void AppendValue(StringBuilder json, int depth)
    {
        switch (random.Next(depth >= 3 ? 5 : 7))
        {
            case 0: json.Append(JsonSerializer.Serialize(Pick(Strings))); break;
            case 1: json.Append(random.Next(3) == 0 ? RandomDouble() : Pick(NumberTexts)); break;
            case 2: json.Append(random.Next(2) == 0 ? "true" : "false"); break;
            case 3: json.Append("null"); break;
            case 4: json.Append(random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture)); break;
            case 5:
                json.Append('[');
                for (var i = random.Next(0, 4); i > 0; i--) { AppendValue(json, depth + 1); json.Append(i > 1 ? "," : ""); }
                json.Append(']');
                break;
            default:
                json.Append('{');
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    json.Append(JsonSerializer.Serialize(Pick(NestedKeys))).Append(':');
                    AppendValue(json, depth + 1);
                    json.Append(i > 1 ? "," : "");
                }

                json.Append('}');
                break;
        }
    }

    private string RandomDouble()
    {
        double value;
        do { value = BitConverter.Int64BitsToDouble(random.NextInt64()); } while (!double.IsFinite(value));
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private string Template(JsonElement payload)
    {
        var template = new StringBuilder();
        for (var i = random.Next(1, 7); i > 0; i--)
        {
            if (random.Next(3) == 0)
            {
                template.Append(Pick(Text));
                continue;
            }

            template.Append("{{").Append(Pick(WhiteSpace)).Append(Path(payload)).Append(Pick(WhiteSpace)).Append("}}");
        }

        return template.ToString();
    }

    // Mostly a walk along real members (hits, missing leaves, array indices, length), sometimes an odd or unknown path.
    private string Path(JsonElement payload)
    {
        if (random.Next(5) == 0)
        {
            return Pick(OddPaths);
        }

        var parts = new List<string>();
        var current = payload;
        do
        {
            var next = current.ValueKind switch
            {
                JsonValueKind.Object when current.EnumerateObject().Any() && random.Next(6) > 0 =>
                    current.EnumerateObject().ElementAt(random.Next(current.EnumerateObject().Count())).Name,
                JsonValueKind.Array when random.Next(4) == 0 => "length",
                JsonValueKind.Array => random.Next(0, current.GetArrayLength() + 1).ToString(CultureInfo.InvariantCulture),
                _ => Pick(parts.Count == 0 ? RootKeys : NestedKeys),
            };
            parts.Add(next);
            current = current.ValueKind switch
            {
                JsonValueKind.Object when current.TryGetProperty(next, out var member) => member,
                JsonValueKind.Array when int.TryParse(next, out var index) && index < current.GetArrayLength() => current[index],
                _ => default,
            };
        }
        while (current.ValueKind is JsonValueKind.Object or JsonValueKind.Array && random.Next(3) > 0);

        if (random.Next(4) == 0)
        {
            parts.Add(Pick(NestedKeys)); // a leaf that may be missing, or a walk into a string or number
        }

        return string.Join('.', parts);
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
