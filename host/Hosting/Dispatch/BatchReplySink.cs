namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// A batch's answers (JSON-RPC 2.0 §6): one array frame written when every request of the batch is answered, in completion
/// order; nothing at all when the batch held only notifications.
/// </summary>
internal sealed class BatchReplySink(Func<byte[], ValueTask> write) : IReplySink
{
    private readonly List<byte[]> replies = [];

    // Starts at 1: the reader's own hold, released by Seal once every member has been dispatched.
    private int outstanding = 1;

    public void Expect() => Interlocked.Increment(ref outstanding);

    public ValueTask ReplyAsync(byte[] reply)
    {
        lock (replies)
        {
            replies.Add(reply);
        }

        return ReleaseAsync();
    }

    public ValueTask SealAsync() => ReleaseAsync();

    private ValueTask ReleaseAsync() => Interlocked.Decrement(ref outstanding) == 0 ? FlushAsync() : ValueTask.CompletedTask;

    private ValueTask FlushAsync()
    {
        if (replies.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var length = replies.Sum(reply => reply.Length) + replies.Count + 1;
        var body = new byte[length];
        var offset = 0;
        foreach (var reply in replies)
        {
            body[offset] = offset == 0 ? (byte)'[' : (byte)',';
            reply.CopyTo(body, offset + 1);
            offset += reply.Length + 1;
        }

        body[offset] = (byte)']';
        return write(body);
    }
}
