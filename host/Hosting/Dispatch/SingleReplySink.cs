namespace Logto.ConnectorHost.Dispatch;

/// <summary>A single message's answer: written as its own frame.</summary>
internal sealed class SingleReplySink(Func<byte[], ValueTask> write) : IReplySink
{
    public void Expect()
    {
    }

    public ValueTask ReplyAsync(byte[] reply) => write(reply);
}
