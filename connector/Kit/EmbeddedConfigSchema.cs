using System.Reflection;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// A connector's committed config schema (<c>schema/&lt;name&gt;.config.schema.json</c>), embedded in its assembly under its
/// file name: read once, handed out as fresh nodes (a caller may change or re-parent them), and where the npm package
/// keeps the same file (the manifest's <c>configSchema</c>).
/// </summary>
public sealed class EmbeddedConfigSchema(Assembly assembly, string fileName)
{
    private readonly Lazy<string> text = new(() =>
    {
        using var stream = assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"Embedded resource {fileName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema's text, exactly as committed.</summary>
    public string Json => text.Value;

    /// <summary>Package-relative path of the same file in the connector's npm package.</summary>
    public string PackagePath => $"./schema/{fileName}";

    /// <summary>The schema (JSON Schema draft 2020-12), a fresh copy on every call.</summary>
    public JsonObject Parse() => JsonNode.Parse(text.Value)!.AsObject();
}
