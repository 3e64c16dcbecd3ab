using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Reliability;

/// <summary>
/// Issue 11, item 1: valid JSON that .NET cannot decode. A string may escape a lone surrogate (<c>"\ud800"</c>); JsonDocument
/// accepts it and throws only when the string is read, which once stopped the host at the first such id, method, jsonrpc or
/// member name (<c>crit … ConnectorHostService failed</c>, exit 1). Each frame is answered by the real host, which goes on.
/// </summary>
public sealed class HostileEnvelopeTests
{
    public static TheoryData<string, string, string> Envelopes() => new()
    {
        // what, frame, expected answer as "<id> <result|code>"
        { "a lone high surrogate id", """{"jsonrpc":"2.0","id":"\ud800","method":"ping"}""", J("""'\ud800' result""") },
        { "a lone low surrogate inside an id", """{"jsonrpc":"2.0","id":"a\udc00b","method":"ping"}""", J("""'a\udc00b' result""") },
        { "a reversed pair id", """{"jsonrpc":"2.0","id":"\udc00\ud800","method":"ping"}""", J("""'\udc00\ud800' result""") },
        { "a paired surrogate id", """{"jsonrpc":"2.0","id":"\ud83d\ude00","method":"ping"}""", J("""'\uD83D\uDE00' result""") },
        { "a NUL in the id", """{"jsonrpc":"2.0","id":"a\u0000b","method":"ping"}""", J("""'a\u0000b' result""") },
        { "a lone surrogate in jsonrpc", """{"jsonrpc":"2.\ud800","id":"keep","method":"ping"}""", "\"keep\" -32600" },
        { "a lone surrogate method", """{"jsonrpc":"2.0","id":"keep","method":"\ud800"}""", "\"keep\" -32601" },
        { "a lone surrogate after a method name", """{"jsonrpc":"2.0","id":"keep","method":"ping\udfff"}""", "\"keep\" -32601" },
        { "a lone surrogate member name last", """{"jsonrpc":"2.0","id":"keep","method":"ping","\ud800":1}""", "\"keep\" result" },
        { "a lone surrogate member name first", """{"\ud800":1,"jsonrpc":"2.0","id":"keep","method":"ping"}""", "\"keep\" result" },
        { "an escaped member name", """{"jsonrpc":"2.0","\u0069d":"keep","method":"ping"}""", "\"keep\" result" },
        { "a repeated id (the last counts)", """{"jsonrpc":"2.0","id":"first","method":"ping","id":"keep"}""", "\"keep\" result" },
        {
            "a lone surrogate in params of ping",
            """{"jsonrpc":"2.0","id":"keep","method":"ping","params":{"\ud800":"\udc00"}}""",
            "\"keep\" result"
        },
        { "an id beyond 64 bits", """{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}""", "null -32600" },
        { "an id of 1e400", """{"jsonrpc":"2.0","id":1e400,"method":"ping"}""", "null -32600" },
        { "the smallest 64-bit id", """{"jsonrpc":"2.0","id":-9223372036854775808,"method":"ping"}""", "-9223372036854775808 result" },
        { "a lone surrogate in a response's result", """{"jsonrpc":"2.0","id":"keep","result":"\ud800"}""", "" },
        { "a lone surrogate notification method", """{"jsonrpc":"2.0","method":"\ud800"}""", "" },
        { "a lone surrogate cancel id", """{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"\ud800"}}""", "" },
        { "a lone surrogate id in a batch", """[{"jsonrpc":"2.0","id":"\ud800","method":"\udbff"}]""", J("""'\ud800' -32601""") },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public async Task An_undecodable_or_odd_string_in_the_envelope_is_answered_and_the_host_keeps_serving(
        string what, string frame, string expected)
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();

        await host.SendAsync(frame);
        var answer = expected.Length == 0 ? null : await host.ReadAsync();
        var next = await host.RequestAsync(Rpc.Request("next", "ping"));

        if (answer is not null)
        {
            var single = answer is JsonArray batch ? Assert.Single(batch)! : answer;
            Assert.True(Describe(single) == expected, $"{what}: {Describe(single)}{host.Diagnostics()}");
        }

        Assert.True(Rpc.Id(next) == "\"next\"", $"{what}: next answer {Describe(next)}{host.Diagnostics()}");
        Assert.False(host.Process.HasExited, what);
        Assert.DoesNotContain(" fail: ", host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" crit: ", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issue_s_frames_leave_the_host_serving_and_it_exits_0_at_the_end()
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();

        await host.SendAsync("""{"jsonrpc":"2.0","id":"\ud800","method":"ping"}""");
        await host.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"\ud800"}""");
        await host.SendAsync("""{"jsonrpc":"\ud800","id":2,"method":"ping"}""");
        host.CloseInput();
        var answers = await host.ReadToEndAsync();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(["\"\\ud800\" result", "1 -32601", "2 -32600"], answers.Select(Describe));
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Nesting_up_to_the_depth_limit_is_served_and_one_level_more_is_a_parse_error()
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();

        // The frame's object is level 1 and params level 2: 62 more arrays reach the limit of 64.
        await host.SendAsync(Nested("deepest", 62));
        var deepest = await host.ReadAsync();
        await host.SendAsync(Nested("too-deep", 63));
        var tooDeep = await host.ReadAsync();

        Assert.Equal("\"deepest\" result", Describe(deepest));
        Assert.Equal("\"too-deep\" -32700", Describe(tooDeep));
    }

    private static string Nested(string id, int arrays)
    {
        var value = new string('[', arrays) + new string(']', arrays);
        return $$$"""{"jsonrpc":"2.0","id":"{{{id}}}","method":"ping","params":{"x":{{{value}}}}}""";
    }

    /// <summary>Test data with ' for " (a raw string literal cannot start or end with a quote).</summary>
    private static string J(string text) => text.Replace('\'', '"');

    private static string Describe(JsonNode? answer)
    {
        var outcome = answer?["error"] is null
            ? "result"
            : Rpc.ErrorCode(answer)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Rpc.Id(answer) ?? "null"} {outcome}";
    }
}
