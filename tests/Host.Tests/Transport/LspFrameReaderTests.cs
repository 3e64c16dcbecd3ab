using System.IO.Pipelines;
using System.Text;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorHost.Transport;

namespace Host.Tests.Transport;

public sealed class LspFrameReaderTests
{
    private const string Body = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    [Fact]
    public async Task ReadAsync_reads_a_frame_then_ends_at_end_of_stream()
    {
        var frames = await ReadAllAsync(Frame(Body));

        Assert.Collection(frames, frame => AssertMessage(Body, frame), frame => Assert.Equal(LspFrameKind.End, frame.Kind));
    }

    [Theory]
    [InlineData("Content-Length: {0}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")]
    [InlineData("Content-Type: application/json\r\ncontent-length:{0}\r\n\r\n")]
    [InlineData("Content-Length: {0}\n\n")]
    [InlineData("\r\n\r\nContent-Length:  {0} \r\n\r\n")]
    public async Task ReadAsync_tolerates_other_headers_any_case_bare_newlines_and_blank_lines_between_frames(string header)
    {
        var bytes = Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, header, Body.Length) + Body);

        var frames = await ReadAllAsync(bytes);

        AssertMessage(Body, frames[0]);
    }

    [Fact]
    public async Task ReadAsync_reads_a_frame_split_at_every_byte_boundary()
    {
        var bytes = Frame(Body).Concat(Frame("[]")).ToArray();
        for (var split = 1; split < bytes.Length; split++)
        {
            var frames = await ReadAllAsync(bytes[..split], bytes[split..]);

            AssertMessage(Body, frames[0]);
            AssertMessage("[]", frames[1]);
            Assert.Equal(LspFrameKind.End, frames[2].Kind);
        }
    }

    [Fact]
    public async Task ReadAsync_reads_an_empty_body()
    {
        var frames = await ReadAllAsync(Encoding.ASCII.GetBytes("Content-Length: 0\r\n\r\n"));

        AssertMessage("", frames[0]);
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n{}", "invalid Content-Length header")]
    [InlineData("Content-Length: -2\r\n\r\n{}", "invalid Content-Length header")]
    [InlineData("Content-Length: 99999999999999999999\r\n\r\n{}", "invalid Content-Length header")]
    [InlineData("Content-Type: application/json\r\n\r\n{}", "missing Content-Length header")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}\r\n\r\n", "malformed header line")]
    [InlineData("no colon here\r\n\r\n", "malformed header line")]
    public async Task ReadAsync_reports_a_bad_header_once_and_resynchronises_on_the_next_frame(string garbage, string problem)
    {
        var frames = await ReadAllAsync(Encoding.ASCII.GetBytes(garbage).Concat(Frame(Body)).ToArray());

        Assert.Equal(LspFrameKind.Malformed, frames[0].Kind);
        Assert.Equal(problem, frames[0].Problem);
        AssertMessage(Body, frames[1]);
        Assert.Equal(LspFrameKind.End, frames[2].Kind);
    }

    [Fact]
    public async Task ReadAsync_caps_the_header_line_length()
    {
        var garbage = Encoding.ASCII.GetBytes(new string('x', LspFrameReader.MaxHeaderLineBytes + 10));

        var frames = await ReadAllAsync(garbage.Concat(Frame(Body)).ToArray());

        Assert.Equal("header line too long", frames[0].Problem);
        AssertMessage(Body, frames[1]);
    }

    [Fact]
    public async Task ReadAsync_caps_the_header_section_length()
    {
        var headers = string.Concat(Enumerable.Repeat("X-Padding: " + new string('p', 500) + "\r\n", 20));

        var frames = await ReadAllAsync(Encoding.ASCII.GetBytes(headers + "\r\n").Concat(Frame(Body)).ToArray());

        Assert.Equal("header section too long", frames[0].Problem);
        AssertMessage(Body, frames[1]);
    }

    [Fact]
    public async Task ReadAsync_skips_a_frame_over_the_limit_without_buffering_it_and_recovers_its_id()
    {
        var large = """{"jsonrpc":"2.0","id":"big","method":"sendMessage","params":{"pad":""" + "\"" + new string('a', 200_000) + "\"}}";
        // The writer may run only 4 KiB ahead of the reader: a reader that buffered the whole frame would deadlock here.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4096, resumeWriterThreshold: 2048));
        var reader = new LspFrameReader(pipe.Reader, maxFrameBytes: 1024);
        var writing = WriteAndCompleteAsync(pipe.Writer, Frame(large).Concat(Frame(Body)).ToArray());

        var tooLarge = await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var next = await reader.ReadAsync(CancellationToken.None);
        await writing;

        Assert.Equal(LspFrameKind.TooLarge, tooLarge.Kind);
        Assert.Equal(Encoding.UTF8.GetByteCount(large), tooLarge.DeclaredLength);
        Assert.Equal(new RequestId("big"), tooLarge.RecoveredId);
        AssertMessage(Body, next);
    }

    [Fact]
    public async Task ReadAsync_accepts_a_frame_exactly_at_the_limit()
    {
        var pipe = new Pipe();
        var reader = new LspFrameReader(pipe.Reader, maxFrameBytes: Body.Length);
        await WriteAndCompleteAsync(pipe.Writer, Frame(Body));

        AssertMessage(Body, await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_reports_a_body_cut_off_by_the_end_of_the_stream_with_its_id()
    {
        var bytes = Encoding.ASCII.GetBytes("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"send");

        var frames = await ReadAllAsync(bytes);

        Assert.Equal(LspFrameKind.Malformed, frames[0].Kind);
        Assert.Equal(new RequestId(42), frames[0].RecoveredId);
        Assert.Equal(LspFrameKind.End, frames[1].Kind);
    }

    [Fact]
    public async Task ReadAsync_reports_a_header_cut_off_by_the_end_of_the_stream()
    {
        var frames = await ReadAllAsync(Encoding.ASCII.GetBytes("Content-Len"));

        Assert.Equal("stream ended inside a frame header", frames[0].Problem);
        Assert.Equal(LspFrameKind.End, frames[1].Kind);
    }

    private static byte[] Frame(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    private static void AssertMessage(string expected, LspFrame frame)
    {
        Assert.Equal(LspFrameKind.Message, frame.Kind);
        Assert.Equal(expected, Encoding.UTF8.GetString(frame.Body.Span));
    }

    private static async Task<List<LspFrame>> ReadAllAsync(params byte[][] chunks)
    {
        var pipe = new Pipe();
        var reader = new LspFrameReader(pipe.Reader, maxFrameBytes: 1024 * 1024);
        var frames = new List<LspFrame>();
        var writing = Task.Run(async () =>
        {
            foreach (var chunk in chunks)
            {
                await pipe.Writer.WriteAsync(chunk);
            }

            await pipe.Writer.CompleteAsync();
        });
        do
        {
            frames.Add(await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(60)));
        }
        while (frames[^1].Kind != LspFrameKind.End);

        await writing;
        return frames;
    }

    private static async Task WriteAndCompleteAsync(PipeWriter writer, byte[] bytes)
    {
        await writer.WriteAsync(bytes);
        await writer.CompleteAsync();
    }
}
