using System.Threading.Channels;

namespace Logto.Connector.AliyunDirectMail.Sandbox.Outbox;

/// <summary>Accepted messages in acceptance order, plus a queue of arrivals for <see cref="WaitAsync"/>. Thread-safe.</summary>
internal sealed class SandboxOutbox(OutboxFileWriter? files)
{
    private readonly Lock _gate = new();
    private readonly List<SandboxMessage> _messages = [];
    private readonly Channel<SandboxMessage> _arrivals = Channel.CreateUnbounded<SandboxMessage>();

    public IReadOnlyList<SandboxMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    /// <summary>Files the message (when a directory is set) before it becomes visible, so an answered 200 implies the files exist.</summary>
    public void Add(SandboxMessage message, bool writeFiles = true)
    {
        if (writeFiles)
        {
            files?.Write(message);
        }

        lock (_gate)
        {
            _messages.Add(message);
            _arrivals.Writer.TryWrite(message);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
            while (_arrivals.Reader.TryRead(out _))
            {
            }
        }
    }

    /// <summary>The oldest accepted message not yet handed out by this method (waits for one if there is none).</summary>
    public async Task<SandboxMessage> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _arrivals.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException error)
        {
            throw new ObjectDisposedException("The sandbox was disposed.", error);
        }
    }

    public void Complete() => _arrivals.Writer.TryComplete();
}
