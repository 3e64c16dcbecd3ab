namespace Logto.ConnectorKit;

/// <summary>
/// The <c>host</c> section of <c>logto-connector.manifest.json</c>: how the npm bridge starts the .NET host that serves the
/// connector. Executables are package-relative paths per .NET runtime identifier. The host supplies its own section (it
/// knows where it is published and which protocol it speaks); the Kit only gives the section its shape.
/// </summary>
public sealed record ConnectorManifestHost(
    IReadOnlyDictionary<string, string> Executables,
    IReadOnlyList<string> Args,
    string Protocol,
    string ProtocolVersion);
