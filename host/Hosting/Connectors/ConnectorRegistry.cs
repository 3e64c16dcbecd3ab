using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Connectors;

/// <summary>The connectors one host serves, addressed by <c>Descriptor.Id</c>; the id may be omitted when there is exactly one.</summary>
internal sealed class ConnectorRegistry
{
    private readonly Dictionary<string, RegisteredConnector> byId = new(StringComparer.Ordinal);

    public ConnectorRegistry(IEnumerable<IConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        var all = new List<RegisteredConnector>();
        foreach (var connector in connectors)
        {
            var descriptor = connector.Descriptor;
            if (string.IsNullOrEmpty(descriptor.Id))
            {
                throw new InvalidOperationException($"{connector.GetType().Name} declares an empty connector id.");
            }

            var registered = new RegisteredConnector(connector, descriptor);
            if (!byId.TryAdd(descriptor.Id, registered))
            {
                throw new InvalidOperationException($"Two connectors declare the id '{descriptor.Id}'.");
            }

            all.Add(registered);
        }

        Connectors = all;
        Ids = [.. all.Select(connector => connector.Id)];
    }

    public IReadOnlyList<RegisteredConnector> Connectors { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>The connector a call addresses; -32602 (with the known ids) for an unknown or a missing-but-needed id.</summary>
    public RegisteredConnector Resolve(string? connectorId)
    {
        if (connectorId is null)
        {
            if (Connectors.Count == 1)
            {
                return Connectors[0];
            }

            var problem = Connectors.Count == 0
                ? "cannot be served: no connector is registered"
                : "is required when the host serves several connectors";
            throw RpcErrors.InvalidParams("connectorId", problem, Ids);
        }

        return byId.TryGetValue(connectorId, out var connector)
            ? connector
            : throw RpcErrors.InvalidParams("connectorId", "names no connector served by this host", Ids);
    }
}
