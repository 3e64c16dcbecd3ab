namespace Logto.ConnectorHost.Dispatch;

/// <summary>Where the answers to one frame go: straight out for a single message, collected for a batch.</summary>
internal interface IReplySink
{
    /// <summary>Announces one more answer to come (a batch writes once all announced answers are in).</summary>
    void Expect();

    ValueTask ReplyAsync(byte[] reply);
}
