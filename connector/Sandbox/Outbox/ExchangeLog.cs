namespace Logto.Connector.AliyunSandbox.Outbox;

/// <summary>Every request to <c>/</c> seen, oldest first; only the latest <see cref="Capacity"/> are kept. Thread-safe.</summary>
internal sealed class ExchangeLog(TimeProvider timeProvider)
{
    public const int Capacity = 100_000;

    private readonly Lock gate = new();
    private readonly Queue<SandboxExchange> exchanges = new();

    public void Add(string outcome, int? status, string? action = null)
    {
        var exchange = new SandboxExchange(outcome, status, timeProvider.GetUtcNow()) { Action = action };
        lock (gate)
        {
            if (exchanges.Count == Capacity)
            {
                exchanges.Dequeue();
            }

            exchanges.Enqueue(exchange);
        }
    }

    public IReadOnlyList<SandboxExchange> Snapshot()
    {
        lock (gate)
        {
            return [.. exchanges];
        }
    }
}
