using Logto.ConnectorHost.Protocol;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Connectors;

/// <summary>A served connector with what the host precomputes from its descriptor.</summary>
internal sealed record RegisteredConnector(IConnector Connector, ConnectorInfo Info, IReadOnlySet<string> SecretFields)
{
    public string Id => Info.Id;
}
