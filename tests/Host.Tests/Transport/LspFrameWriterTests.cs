using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Host.Tests.Support;
using Logto.ConnectorHost.Transport;

namespace Host.Tests.Transport;

public sealed class LspFrameWriterTests
{
    [Fact]
    public async Task Write_writes_a_content_length_header_then_the_utf8_body_without_bom()
    {
        var pipe = new Pipe();
        using var writer = new LspFrameWriter(pipe.Writer.AsStream());

        writer.Write(Encoding.UTF8.GetBytes("""{"é":1}"""));
        await pipe.Writer.CompleteAsync();
        var bytes = (await pipe.Reader.ReadAsync()).Buffer.ToArray();

        Assert.Equal("Content-Length: 8\r\n\r\n{\"é\":1}", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Write_never_interleaves_concurrent_frames()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        using var writer = new LspFrameWriter(pipe.Writer.AsStream());
        var bodies = Enumerable.Range(0, 50).Select(i => $$"""{"id":{{i}},"pad":"{{new string('x', 5000 + i)}}"}""").ToList();

        await Task.WhenAll(bodies.Select(body => Task.Run(() => writer.Write(Encoding.UTF8.GetBytes(body)))));
        await pipe.Writer.CompleteAsync();
        var stream = pipe.Reader.AsStream();
        var read = new List<string>();
        while (await FrameCodec.ReadAsync(stream, CancellationToken.None) is { } frame)
        {
            read.Add(frame.ToJsonString());
        }

        Assert.Equal(bodies.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }
}
