namespace Logto.Connector.AliyunSandbox.Outbox;

/// <summary>Every request to <c>/</c> seen, oldest first; only the latest <see cref="Capacity"/> are kept. Thread-safe.</summary>
internal sealed class ExchangeLog(TimeProvider timeProvider)
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Queue<SandboxExchange> _exchanges = new();

    public void Add(string outcome, int? status, string? action = null)
    {
        var exchange = new SandboxExchange(outcome, status, timeProvider.GetUtcNow()) { Action = action };
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
