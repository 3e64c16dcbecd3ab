using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Http;

/// <summary>The hand-written HTTP/1.1 server, driven with HttpClient and with raw sockets for what HttpClient never sends.</summary>
public sealed class SandboxHttpServerTests : IAsyncLifetime
{
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Requests_on_one_kept_alive_connection_are_answered_in_turn()
    {
        using var socket = await ConnectAsync();
        var form = await new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())).ReadAsStringAsync();
        var second = await new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())).ReadAsStringAsync();

        // Both requests in one write: the second must wait in the buffer, not be lost.
        await SendAsync(socket, Post(form) + Post(second));
        var answers = await ReadUntilAsync(socket, text => CountOf(text, "HTTP/1.1 200 OK") == 2 && text.EndsWith('}'));

        Assert.Equal(2, CountOf(answers, "\"EnvId\""));
        Assert.Contains("Connection: keep-alive", answers, StringComparison.Ordinal);
        Assert.Equal(2, sandbox.Outbox.Count);
    }

    [Fact]
    public async Task A_connection_that_waited_out_a_delay_serves_the_next_request_on_the_same_socket()
    {
        using var socket = await ConnectAsync();
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Delay, Count: 1, Delay: TimeSpan.FromMilliseconds(100)));
        var first = await new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())).ReadAsStringAsync();
        var second = await new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())).ReadAsStringAsync();

        await SendAsync(socket, Post(first));
        var delayed = await ReadUntilAsync(socket, text => text.EndsWith('}'));
        await SendAsync(socket, Post(second));
        var next = await ReadUntilAsync(socket, text => text.EndsWith('}'));

        Assert.StartsWith("HTTP/1.1 200 OK", delayed, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 OK", next, StringComparison.Ordinal);
        Assert.Equal(["accepted", "accepted"], sandbox.Exchanges.Select(e => e.Outcome));
    }

    [Fact]
    public async Task A_chunked_request_body_gets_411_length_required()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 411 ", await ReadToEndAsync(socket), StringComparison.Ordinal);
        Assert.Equal("rejected:Http411", Assert.Single(sandbox.Exchanges).Outcome);
    }

    [Fact]
    public async Task A_post_without_content_length_gets_411()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, "POST / HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 411 ", await ReadToEndAsync(socket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_8_mib_gets_413_without_being_read()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 8388609\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413 ", await ReadToEndAsync(socket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_over_32_kib_gets_431()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", await ReadToEndAsync(socket), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", "400")]
    [InlineData("GET / HTTP/2.0\r\nHost: x\r\n\r\n", "505")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", "400")]
    [InlineData("GET / HTTP/1.1\r\nHost : x\r\n\r\n", "400")]
    public async Task A_request_it_does_not_parse_is_refused_and_the_connection_closed(string request, string status)
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, request);

        var answer = await ReadToEndAsync(socket);
        Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
        Assert.Contains("Connection: close", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expect_100_continue_is_answered_before_the_body_is_sent()
    {
        using var socket = await ConnectAsync();
        var form = await new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())).ReadAsStringAsync();

        await SendAsync(
            socket,
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(form)}\r\n\r\n");
        var interim = await ReadUntilAsync(socket, text => text.EndsWith("\r\n\r\n", StringComparison.Ordinal));
        await SendAsync(socket, form);
        var final = await ReadUntilAsync(socket, text => text.EndsWith('}'));

        Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", interim);
        Assert.StartsWith("HTTP/1.1 200 OK", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_paths_are_not_found()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(sandbox.Endpoint, "/elsewhere"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(sandbox.Exchanges);
    }

    [Fact]
    public async Task Disposal_closes_idle_connections_and_cancels_a_held_back_answer_promptly()
    {
        var delay = TimeSpan.FromSeconds(120);
        var watch = new TimerWatch(delay);
        var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions { TimeProvider = watch });
        using var idle = await ConnectAsync(sandbox);
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Delay, Delay: delay));
        using var client = new HttpClient();
        var held = client.SendMailAsync(sandbox);
        await watch.Started.WaitAsync(TimeSpan.FromSeconds(60));

        var stopwatch = Stopwatch.StartNew();
        await sandbox.DisposeAsync();
        stopwatch.Stop();

        // Promptly means without waiting out the held answer's delay; a bound far below it holds on a loaded machine too.
        Assert.True(stopwatch.Elapsed < delay / 4, $"disposal took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => held);
        Assert.Equal("", await ReadToEndAsync(idle));
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(sandbox));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sandbox.WaitForMessageAsync(CancellationToken.None));
    }

    private static string Post(string form) =>
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
        $"Content-Length: {Encoding.UTF8.GetByteCount(form)}\r\n\r\n{form}";

    private Task<Socket> ConnectAsync() => ConnectAsync(sandbox);

    private static async Task<Socket> ConnectAsync(AliyunSandbox sandbox)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, sandbox.Endpoint.Port);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task SendAsync(Socket socket, string text) => await socket.SendAsync(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadToEndAsync(Socket socket) => await ReadUntilAsync(socket, _ => false);

    /// <summary>Reads until <paramref name="done"/> holds or the server closes; fails after 5 s.</summary>
    private static async Task<string> ReadUntilAsync(Socket socket, Func<string, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = new StringBuilder();
        var buffer = new byte[64 * 1024];
        while (!done(received.ToString()))
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
