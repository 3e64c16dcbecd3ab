using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

/// <summary>
/// <see cref="JsJson.Stringify"/> against Node's own <c>JSON.stringify((({locale, ...rest}) => rest)(JSON.parse(text)))</c>,
/// the expression the official SMS connector evaluates for <c>TemplateParam</c>: a hand-picked corpus plus seeded random JSON.
/// </summary>
public sealed class JsJsonTests
{
    private static readonly string[] Corpus =
    [
        """{"code":"123456"}""",
        """{"code":"123456","locale":"zh-CN"}""",
        """{"code":"123","locale":"en","7":"x","uiLocales":"fr"}""",
        """{"b":1,"2":2,"1":1,"a":0,"01":3,"-1":4,"1.5":5,"4294967295":6,"4294967294":7}""",
        """{"a":1,"b":2,"a":3,"2":0}""",
        """{"locale":"en","locale":"fr","code":"1"}""",
        """{"n":[1e21,1e20,1.23e-18,1e-7,0.000001,-0,0.1,5e-324,9007199254740993,1.5e300,1e400,-1e400,123456789012345680000,0.000001234]}""",
        """{"s":"quote \" backslash \\ slash \/ tab \t nl \n cr \r ff \f bs \b"}""",
        """{"c":"\u0000\u0001\u001f\u007f\u0080\u009f"}""",
        """{"u":"\u2028\u2029 é 中文 😀 \ud83d\ude00"}""",
        """{"lone":"\ud800","low":"\udfff","rev":"\udc00\ud800","mixed":"a\ud800b"}""",
        """{"\ud800key":"v","k\u0000":"w"}""",
        """{"nested":{"a":[1,{"b":null}],"t":true,"f":false},"arr":[],"obj":{}}""",
        """{"deep":[[[[[["x"]]]]]]}""",
        """{}""",
        """{"locale":"en"}""",
    ];

    [Fact]
    public void Stringify_matches_node_on_the_corpus_and_on_random_json()
    {
        var random = new Random(2026);
        var inputs = Corpus.Concat(Enumerable.Range(0, 500).Select(_ => RandomObject(random, 0))).ToArray();

        var expected = NodeStringify(inputs);

        for (var i = 0; i < inputs.Length; i++)
        {
            using var document = JsonDocument.Parse(inputs[i]);
            var ours = JsJson.Stringify(document.RootElement, "locale");
            Assert.True(expected[i] == ours, $"input {inputs[i]}\nnode   {expected[i]}\nours   {ours}");
        }
    }

    [Fact]
    public void Only_top_level_members_are_omitted()
    {
        using var document = JsonDocument.Parse("""{"locale":"en","user":{"locale":"fr"}}""");

        Assert.Equal("""{"user":{"locale":"fr"}}""", JsJson.Stringify(document.RootElement, "locale"));
    }

    [Fact]
    public void Member_lookup_survives_names_that_are_not_valid_Unicode()
    {
        using var document = JsonDocument.Parse("""{"code":"1","\ud800x":2,"user":{"\udfff":0,"name":"Ann"}}""");

        Assert.True(JsValue.TryGetMember(document.RootElement, "code", out var code));
        Assert.Equal("1", JsValue.ToJsString(code));
        Assert.Equal("Ann", JsValue.ToJsString(JsValue.GetPath(document.RootElement, "user.name")));
        Assert.False(JsValue.TryGetMember(document.RootElement, "missing", out _));
    }

    private static string[] NodeStringify(string[] inputs)
    {
        const string Script = """
            const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
            for (const line of lines) {
              const { locale, ...rest } = JSON.parse(line);
              process.stdout.write(Buffer.from(JSON.stringify(rest), 'utf8').toString('base64') + '\n');
            }
            """;
        var start = new ProcessStartInfo("node", ["-e", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.StandardInput.Write(string.Join('\n', inputs) + "\n");
        node.StandardInput.Close();
        var stdout = node.StandardOutput.ReadToEnd();
        var stderr = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, stderr);
        // Base64 of UTF-8: a lone surrogate cannot cross the pipe as text, but JSON.stringify never outputs one.
        return
        [
            .. stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => Encoding.UTF8.GetString(Convert.FromBase64String(line))),
        ];
    }

    private static string RandomObject(Random random, int depth)
    {
        var members = Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => $"{RandomString(random, key: true)}:{RandomValue(random, depth + 1)}");
        return "{" + string.Join(',', members) + "}";
    }

    private static string RandomValue(Random random, int depth) => random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => RandomString(random, key: false),
        1 => RandomNumber(random),
        2 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
        3 => RandomString(random, key: false),
        4 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))) + "]",
        _ => RandomObject(random, depth),
    };

    private static string RandomNumber(Random random) => random.Next(5) switch
    {
        0 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString("R", CultureInfo.InvariantCulture),
        2 => $"{random.Next(1, 10)}e{random.Next(-330, 330)}",
        3 => $"-{random.Next(0, 100)}.{random.Next(0, 1000):D3}E+{random.Next(0, 25)}",
        _ => random.NextInt64().ToString(CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
    };

    private static string RandomString(Random random, bool key)
    {
        string[] pieces =
        [
            "a", "code", "locale", "0", "1", "10", "01", "4294967294", "4294967295",
            "é", "中", "😀", "\\ud83d\\ude00", "\\ud800", "\\udfff", "\\u0000", "\\u001f", "\\u007f", "\\u2028", "\\u2029",
            "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r", " ", "<", "&",
        ];
        var count = random.Next(key ? 1 : 0, 4);
        return "\"" + string.Concat(Enumerable.Range(0, count).Select(_ => pieces[random.Next(pieces.Length)])) + "\"";
    }
}
