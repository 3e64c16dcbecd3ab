namespace Logto.ConnectorKit;

/// <summary>
/// The <c>host</c> section of <c>logto-connector.manifest.json</c>: how the npm bridge starts the .NET host that serves the
/// connector. Executables are package-relative paths per .NET runtime identifier.
/// </summary>
public sealed record ConnectorManifestHost(
    IReadOnlyDictionary<string, string> Executables,
    IReadOnlyList<string> Args,
    string Protocol,
    string ProtocolVersion)
{
    public const string ExecutableName = "logto-connector-host";

    /// <summary>
    /// This repository's host: the Native AOT builds published under <c>host/publish/&lt;rid&gt;/</c> for glibc and for musl
    /// (Logto's Docker image is <c>node:22-alpine</c>), started as <c>logto-connector-host serve</c>, JSON-RPC 2.0 on stdio.
    /// </summary>
    public static ConnectorManifestHost Default { get; } = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["linux-x64"] = $"./host/publish/linux-x64/{ExecutableName}",
            ["linux-musl-x64"] = $"./host/publish/linux-musl-x64/{ExecutableName}",
        }.AsReadOnly(),
        ["serve"],
        "jsonrpc-stdio",
        "1");
}
