using System.Collections.Concurrent;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>Requests in flight by id: for <c>$/cancelRequest</c>, duplicate-id checks and the shutdown drain.</summary>
internal sealed class InFlightTable
{
    private readonly ConcurrentDictionary<RequestId, InFlightRequest> requests = new();

    public int Count => requests.Count;

    public bool TryAdd(InFlightRequest request) => requests.TryAdd(request.Id, request);

    public void Remove(InFlightRequest request) => requests.TryRemove(new KeyValuePair<RequestId, InFlightRequest>(request.Id, request));

    public bool TryCancel(RequestId id)
    {
        if (!requests.TryGetValue(id, out var request))
        {
            return false;
        }

        request.Cancel();
        return true;
    }

    public void CancelAll()
    {
        foreach (var request in requests.Values)
        {
            request.Cancel();
        }
    }

    public IReadOnlyList<InFlightRequest> Snapshot() => [.. requests.Values];
}
