namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Makes reads of a console stream cancellable: console streams ignore the token, so a host stopping on SIGTERM would wait
/// for the next stdin byte forever (the MCP C# SDK wraps stdin the same way). A cancelled read is abandoned, not stopped;
/// nothing reads the stream after that.
/// </summary>
internal sealed class CancellableReadStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = inner.ReadAsync(buffer, CancellationToken.None);
        return read.IsCompleted || !cancellationToken.CanBeCanceled
            ? read
            : new ValueTask<int>(read.AsTask().WaitAsync(cancellationToken));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
