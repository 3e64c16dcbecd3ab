using System.Buffers.Text;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Writes LSP base-protocol frames: <c>Content-Length: N\r\n\r\n</c> then the UTF-8 JSON body (no BOM, no Content-Type).
/// One frame at a time: concurrent responses never interleave.
/// <para>
/// Synchronous on purpose, under a plain lock: the reader thread answers <c>ping</c> through here, and that answer must not
/// wait for a thread-pool thread (an async flush of a pipe or a contended <c>SemaphoreSlim.WaitAsync</c> both continue on
/// one), or a connector that exhausts the pool would make a healthy host look dead. A write to stdout is a short syscall;
/// it only blocks while the bridge does not read, and then nothing could be answered anyway.
/// </para>
/// </summary>
internal sealed class LspFrameWriter(Stream output) : IDisposable
{
    private const int MaxHeaderBytes = 40;

    private static ReadOnlySpan<byte> ContentLengthPrefix => "Content-Length: "u8;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private readonly Lock gate = new();
    private bool disposed;

    /// <summary>Writes and flushes one frame. Throws <see cref="IOException"/> when the other side no longer reads.</summary>
    public void Write(ReadOnlySpan<byte> body)
    {
        Span<byte> header = stackalloc byte[MaxHeaderBytes];
        var headerLength = WriteHeader(header, body.Length);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            output.Write(header[..headerLength]);
            output.Write(body);
            output.Flush();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }
    }

    private static int WriteHeader(Span<byte> span, int length)
    {
        ContentLengthPrefix.CopyTo(span);
        var written = ContentLengthPrefix.Length;
        Utf8Formatter.TryFormat(length, span[written..], out var digits);
        written += digits;
        HeaderEnd.CopyTo(span[written..]);
        return written + HeaderEnd.Length;
    }
}
