using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Writes LSP base-protocol frames: <c>Content-Length: N\r\n\r\n</c> then the UTF-8 JSON body (no BOM, no Content-Type).
/// One frame at a time: concurrent responses never interleave.
/// </summary>
internal sealed class LspFrameWriter(PipeWriter output) : IDisposable
{
    private static ReadOnlySpan<byte> ContentLengthPrefix => "Content-Length: "u8;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Writes and flushes one frame. Throws <see cref="IOException"/> when the other side no longer reads.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            WriteHeader(body.Length);
            output.Write(body.Span);
            var flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flush.IsCompleted)
            {
                throw new IOException("The output stream no longer accepts frames.");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private void WriteHeader(int length)
    {
        var span = output.GetSpan(64);
        ContentLengthPrefix.CopyTo(span);
        var written = ContentLengthPrefix.Length;
        Utf8Formatter.TryFormat(length, span[written..], out var digits);
        written += digits;
        HeaderEnd.CopyTo(span[written..]);
        output.Advance(written + HeaderEnd.Length);
    }
}
