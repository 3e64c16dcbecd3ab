using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox.Outbox;

/// <summary>Accepted requests of one API in acceptance order, plus a queue of arrivals for <see cref="WaitAsync"/>. Thread-safe.</summary>
/// <param name="writeFiles">Files an item in the outbox directory, when one is set.</param>
/// <param name="idOf">The item's id, for the log when its files cannot be written.</param>
internal sealed class SandboxOutbox<T>(Action<T>? writeFiles, Func<T, string> idOf, ILogger logger)
{
    private readonly Lock gate = new();
    private readonly List<T> items = [];
    private readonly Channel<T> arrivals = Channel.CreateUnbounded<T>();

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. items];
        }
    }

    /// <summary>Files the item (when a directory is set) before it becomes visible, so an answered 200 implies the files exist.</summary>
    public void Add(T item)
    {
        try
        {
            writeFiles?.Invoke(item);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The files are a convenience: the in-memory outbox stays the record of what was accepted.
            SandboxLog.OutboxWriteFailed(logger, idOf(item), error);
        }

        lock (gate)
        {
            items.Add(item);
            arrivals.Writer.TryWrite(item);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            items.Clear();
            while (arrivals.Reader.TryRead(out _))
            {
            }
        }
    }

    /// <summary>The oldest accepted item not yet handed out by this method (waits for one if there is none).</summary>
    public async Task<T> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await arrivals.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException error)
        {
            throw new ObjectDisposedException("The sandbox was disposed.", error);
        }
    }

    public void Complete() => arrivals.Writer.TryComplete();
}
