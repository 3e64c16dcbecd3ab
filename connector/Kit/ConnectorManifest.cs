using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// Builds <c>logto-connector.manifest.json</c> (described by <c>schema/manifest.schema.json</c>): the connector's Logto type
/// and metadata, where its config schema lies in the package, what the bridge asks Logto for before a send, and how to start
/// the host that serves it.
/// </summary>
public static class ConnectorManifest
{
    public const int ManifestVersion = 1;

    /// <param name="descriptor">The connector; its metadata is copied, not shared.</param>
    /// <param name="host">The host section, as the host that serves the connector describes itself.</param>
    public static JsonObject Build(ConnectorDescriptor descriptor, ConnectorManifestHost host)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrEmpty(descriptor.ConfigSchemaPath);
        ArgumentNullException.ThrowIfNull(host);

        var executables = new JsonObject();
        foreach (var (runtimeIdentifier, path) in host.Executables.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            executables[runtimeIdentifier] = path;
        }

        return new JsonObject
        {
            ["manifestVersion"] = ManifestVersion,
            ["type"] = descriptor.Type,
            ["metadata"] = descriptor.Metadata.DeepClone(),
            ["configSchema"] = descriptor.ConfigSchemaPath,
            ["sendMessageContext"] = new JsonArray([.. descriptor.SendMessageContext.Select(c => (JsonNode)c)]),
            ["host"] = new JsonObject
            {
                ["executables"] = executables,
                ["args"] = new JsonArray([.. host.Args.Select(a => (JsonNode)a)]),
                ["protocol"] = host.Protocol,
                ["protocolVersion"] = host.ProtocolVersion,
            },
        };
    }
}
