using System.Text.Encodings.Web;
using System.Text.Json;
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

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // The file is read by people and tools, not embedded in HTML: keep "<", ">", "&" and non-ASCII text as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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

    /// <summary>The text form used for committed files and the CLI: two-space indent, <c>\n</c> line ends, a final newline.</summary>
    public static string ToText(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Indented) + "\n";
    }
}
