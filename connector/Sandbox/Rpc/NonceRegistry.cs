namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>
/// Nonces already used, per AccessKeyId, each remembered until its request's Timestamp leaves the ±15 min window (after
/// that, a replay fails on the timestamp anyway). Bounded: past <see cref="Capacity"/> the nonce closest to expiry is
/// forgotten first; reaching it takes more than 100 requests/s for 30 minutes, above Aliyun's own SingleSendMail limit.
/// https://help.aliyun.com/document_detail/25490.html (SignatureNonce, Timestamp); the 15 min window:
/// https://help.aliyun.com/document_detail/48054.html
/// </summary>
internal sealed class NonceRegistry(TimeProvider timeProvider, int capacity = NonceRegistry.DefaultCapacity)
{
    public const int DefaultCapacity = 200_000;

    private readonly Dictionary<string, DateTimeOffset> used = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> byExpiry = new();
    private readonly Lock gate = new();

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return used.Count;
            }
        }
    }

    /// <returns>False when this nonce was already used with this AccessKeyId and is still remembered.</returns>
    public bool TryUse(string accessKeyId, string nonce, DateTimeOffset forgetAfter)
    {
        var key = accessKeyId + "\n" + nonce;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            while (byExpiry.TryPeek(out var oldest, out var expiry) && (expiry < now || used.Count >= capacity))
            {
                byExpiry.Dequeue();
                used.Remove(oldest);
            }

            if (!used.TryAdd(key, forgetAfter))
            {
                return false;
            }

            byExpiry.Enqueue(key, forgetAfter);
            return true;
        }
    }
}
