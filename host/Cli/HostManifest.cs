using Logto.ConnectorHost.Protocol;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Cli;

/// <summary>How a package starts this host: the manifest's <c>host</c> section every connector's manifest carries.</summary>
internal static class HostManifest
{
    public const string ExecutableName = "logto-connector-host";

    /// <summary>
    /// The builds scripts/build-host publishes under <c>host/publish/&lt;rid&gt;/</c> — Native AOT for glibc x64 and arm64, a
    /// trimmed single file for musl x64 (Logto's Docker image is <c>node:22-alpine</c>) — started as
    /// <c>logto-connector-host serve</c>, JSON-RPC 2.0 on stdio.
    /// </summary>
    public static ConnectorManifestHost Section { get; } = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["linux-arm64"] = $"./host/publish/linux-arm64/{ExecutableName}",
            ["linux-x64"] = $"./host/publish/linux-x64/{ExecutableName}",
            ["linux-musl-x64"] = $"./host/publish/linux-musl-x64/{ExecutableName}",
        }.AsReadOnly(),
        ["serve"],
        "jsonrpc-stdio",
        ProtocolNames.ProtocolVersion);
}
