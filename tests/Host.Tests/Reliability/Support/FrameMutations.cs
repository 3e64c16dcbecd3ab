using System.Text;

namespace Host.Tests.Reliability.Support;

/// <summary>
/// Broken frames, each built from a request body (the "victim", whose id starts with <c>f-</c>). Every one leaves the stream
/// where a reader that follows the protocol can find the next frame: bodies are as long as their header says (padded or
/// cut), and each item ends with a line break, so the next header never glues onto junk. What cannot be recovered from by
/// anyone (a Content-Length longer than what follows, a cut at the very end) is left to the end-of-stream tests.
/// </summary>
internal static class FrameMutations
{
    private const string Separator = "\r\n";

    private static readonly string[] BadLengths = ["abc", "-1", "+5", "1e3", "", "0x10", "12 34", "99999999999999999999", "5\r", "٣"];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC0], [0xC1, 0x80], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ];

    public static readonly (string Name, int Weight, Func<Random, byte[], long, byte[]> Build)[] All =
    [
        ("truncated body", 9, Truncated),
        ("invalid UTF-8", 8, InvalidUtf8Body),
        ("deeply nested", 6, DeeplyNested),
        ("oversized", 1, Oversized),
        ("bad Content-Length value", 6, BadLength),
        ("missing Content-Length", 4, MissingLength),
        ("bad header name", 4, BadHeaderName),
        ("header line too long", 2, LongHeaderLine),
        ("header section too long", 1, LongHeaderSection),
        ("junk bytes", 5, Junk),
        ("Content-Length too small", 5, Overrun),
        ("Content-Length too large, padded", 5, Underrun),
        ("BOM before the header", 3, BomBeforeHeader),
        ("CR/LF variant header", 4, CrLfVariant),
        ("no blank line after the header", 3, NoBlankLine),
        ("empty body", 2, (_, _, _) => Frame([])),
        ("JSON that is no request", 4, NotARequest),
        ("batch with broken members", 4, BrokenBatch),
        ("duplicate Content-Length", 2, DuplicateLength),
    ];

    public static byte[] Frame(byte[] body, string header = "Content-Length: {0}\r\n\r\n") =>
        [
            .. Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, header, body.Length)),
            .. body,
            .. Ascii(Separator),
        ];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Truncated(Random random, byte[] body, long maxFrame) => Frame(body[..random.Next(0, body.Length)]);

    private static byte[] InvalidUtf8Body(Random random, byte[] body, long maxFrame)
    {
        var at = random.Next(0, body.Length + 1);
        return Frame([.. body[..at], .. InvalidUtf8[random.Next(InvalidUtf8.Length)], .. body[at..]]);
    }

    private static byte[] DeeplyNested(Random random, byte[] body, long maxFrame)
    {
        var depth = random.Next(65, 4000);
        var (open, close) = random.Next(3) switch
        {
            0 => ("[", "]"),
            1 => ("{\"a\":", "}"),
            _ => ("[{\"b\":", "}]"),
        };
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var text = Encoding.UTF8.GetString(body);
        // Half inside the victim (its id can still be recovered), half a bare nested value.
        return Frame(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text[..^1] + ",\"params\":" + nested + "}" : nested));
    }

    private static byte[] Oversized(Random random, byte[] body, long maxFrame)
    {
        var text = Encoding.UTF8.GetString(body);
        var pad = new string('x', (int)maxFrame + random.Next(1, (int)maxFrame * 2));
        return Frame(Encoding.UTF8.GetBytes(text[..^1] + ",\"pad\":\"" + pad + "\"}"));
    }

    private static byte[] BadLength(Random random, byte[] body, long maxFrame) =>
        [.. Encoding.UTF8.GetBytes($"Content-Length: {BadLengths[random.Next(BadLengths.Length)]}\r\n\r\n"), .. body, .. Ascii(Separator)];

    private static byte[] MissingLength(Random random, byte[] body, long maxFrame) =>
        [.. Ascii("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"), .. body, .. Ascii(Separator)];

    private static byte[] BadHeaderName(Random random, byte[] body, long maxFrame)
    {
        string[] names = ["Content Length", "Content-Length\u00a0", "\"Content-Length\"", "Content-Length;x", "{\"id\":1}"];
        return [.. Encoding.UTF8.GetBytes($"{names[random.Next(names.Length)]}: {body.Length}\r\n\r\n"), .. body, .. Ascii(Separator)];
    }

    private static byte[] LongHeaderLine(Random random, byte[] body, long maxFrame) =>
        Frame(body, "X-Pad: " + new string('a', random.Next(1025, 4000)) + "\r\nContent-Length: {0}\r\n\r\n");

    private static byte[] LongHeaderSection(Random random, byte[] body, long maxFrame) =>
        Frame(
            body,
            string.Concat(Enumerable.Range(0, 90).Select(i => $"X-Pad-{i}: {new string('b', 100)}\r\n")) + "Content-Length: {0}\r\n\r\n");

    private static byte[] Junk(Random random, byte[] body, long maxFrame)
    {
        var junk = new byte[random.Next(1, 3000)];
        random.NextBytes(junk);
        return [.. junk, .. Ascii(Separator)];
    }

    private static byte[] Overrun(Random random, byte[] body, long maxFrame) =>
        [.. Ascii($"Content-Length: {random.Next(0, body.Length)}\r\n\r\n"), .. body, .. Ascii(Separator)];

    private static byte[] Underrun(Random random, byte[] body, long maxFrame)
    {
        var cut = body[..random.Next(1, body.Length)];
        // Capital letters only: they close no string and start no JSON value, so no made-up id can be recovered from the cut.
        var pad = Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next('A', 'Z' + 1)).ToArray();
        return Frame([.. cut, .. pad]);
    }

    private static byte[] BomBeforeHeader(Random random, byte[] body, long maxFrame) => [0xEF, 0xBB, 0xBF, .. Frame(body)];

    private static byte[] CrLfVariant(Random random, byte[] body, long maxFrame)
    {
        string[] headers =
        [
            "Content-Length: {0}\r\r\n\r\n", "Content-Length: {0}\n\r\r\n", "Content-Length\r\n: {0}\r\n\r\n", "Content-Length: {0}\r\n\r",
            "\rContent-Length: {0}\r\n\r\n",
        ];
        return Frame(body, headers[random.Next(headers.Length)]);
    }

    private static byte[] NoBlankLine(Random random, byte[] body, long maxFrame) =>
        [.. Ascii($"Content-Length: {body.Length}\r\n"), .. body, .. Ascii(Separator)];

    private static byte[] NotARequest(Random random, byte[] body, long maxFrame)
    {
        string[] values =
        [
            "5", "\"ping\"", "null", "true", "{}", "[]", "[1,2]",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
        ];
        return Frame(Encoding.UTF8.GetBytes(values[random.Next(values.Length)]));
    }

    private static byte[] BrokenBatch(Random random, byte[] body, long maxFrame) =>
        Frame(Encoding.UTF8.GetBytes($"[{Encoding.UTF8.GetString(body)},1,\"x\",{{\"jsonrpc\":\"2.0\"}},[]]"));

    private static byte[] DuplicateLength(Random random, byte[] body, long maxFrame) =>
        Frame(body, $"Content-Length: {random.Next(0, 1000)}\r\nContent-Length: {{0}}\r\n\r\n");
}
