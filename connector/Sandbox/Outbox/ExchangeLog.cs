namespace Logto.Connector.AliyunDirectMail.Sandbox.Outbox;

/// <summary>Every Direct Mail request seen, oldest first; only the latest <see cref="Capacity"/> are kept. Thread-safe.</summary>
internal sealed class ExchangeLog(TimeProvider timeProvider)
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Queue<SandboxExchange> _exchanges = new();

    public void Add(string outcome, int? status)
    {
        var exchange = new SandboxExchange(outcome, status, timeProvider.GetUtcNow());
        lock (_gate)
        {
            if (_exchanges.Count == Capacity)
            {
                _exchanges.Dequeue();
            }

            _exchanges.Enqueue(exchange);
        }
    }

    public IReadOnlyList<SandboxExchange> Snapshot()
    {
        lock (_gate)
        {
            return [.. _exchanges];
        }
    }
}
