using System.Globalization;
using System.Text;
using Host.Tests.Support;

namespace Host.Tests.Reliability;

/// <summary>
/// Found by the framing fuzzer: JsonDocument accepts invalid UTF-8 inside strings and only fails when a string is read, so
/// an id like <c>"a\xC1"</c> made the dispatcher throw and the host stop. Invalid UTF-8 anywhere in a body is a parse error.
/// </summary>
public sealed class InvalidUtf8Tests
{
    public static TheoryData<string, string> Bodies() => new()
    {
        { "in the id", """{"jsonrpc":"2.0","id":"a#b","method":"ping"}""" },
        { "in the method", """{"jsonrpc":"2.0","id":"keep","method":"pi#ng"}""" },
        { "in a param", """{"jsonrpc":"2.0","id":"keep","method":"validateConfig","params":{"config":{"accessKeyId":"#"}}}""" },
        { "between tokens", """{"jsonrpc":"2.0",#"id":"keep","method":"ping"}""" },
        { "in a batch member", """[{"jsonrpc":"2.0","id":"keep","method":"ping"},{"jsonrpc":"2.0","id":"x#","method":"ping"}]""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_with_invalid_UTF_8_is_a_parse_error_and_the_host_keeps_serving(string where, string body)
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();

        await host.SendRawAsync(Frame(WithInvalidByte(body)));
        var answer = await host.ReadAsync();
        var next = await host.RequestAsync(Rpc.Request("next", "ping"));

        Assert.True(Rpc.ErrorCode(answer) == -32700, $"invalid UTF-8 {where}: {answer.ToJsonString()}");
        Assert.Equal("Parse error: invalid UTF-8", answer["error"]!["message"]!.GetValue<string>());
        Assert.Equal("\"next\"", Rpc.Id(next));
        Assert.NotNull(next["result"]);
        Assert.False(host.Process.HasExited);
    }

    [Fact]
    public async Task A_valid_id_before_invalid_UTF_8_is_recovered_for_the_error()
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();

        await host.SendRawAsync(Frame(WithInvalidByte("""{"jsonrpc":"2.0","id":"keep","method":"ping","params":{"x":"#"}}""")));
        var answer = await host.ReadAsync();

        Assert.Equal(-32700, Rpc.ErrorCode(answer));
        Assert.Equal("\"keep\"", Rpc.Id(answer));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000_000)]
    public async Task A_stream_cut_off_inside_an_invalid_UTF_8_id_is_answered_without_an_id_and_the_host_exits_0(int declaredLength)
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();

        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {declaredLength}\r\n\r\n"));
        await host.SendRawAsync([.. header, .. WithInvalidByte("""{"jsonrpc":"2.0","id":"a#b","method":"ping"}""")]);
        host.CloseInput();
        var answers = await host.ReadToEndAsync();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        var answer = Assert.Single(answers);
        Assert.Equal(declaredLength > 4 * 1024 * 1024 ? -32600 : -32700, Rpc.ErrorCode(answer));
        Assert.Equal("null", Rpc.Id(answer) ?? "null");
        Assert.Equal(0, exitCode);
    }

    /// <summary>The body's UTF-8 bytes with each '#' replaced by 0xC1, a byte that never occurs in UTF-8.</summary>
    private static byte[] WithInvalidByte(string body) => [.. Encoding.UTF8.GetBytes(body).Select(b => b == (byte)'#' ? (byte)0xC1 : b)];

    private static byte[] Frame(byte[] body) =>
        [.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")), .. body];
}
