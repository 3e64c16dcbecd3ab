using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// A connector's committed config schema (<c>schema/&lt;name&gt;.config.schema.json</c>), embedded under its file name in the
/// assembly that defines <paramref name="anchor"/>: read once, handed out as fresh nodes (a caller may change or re-parent
/// them) or written as it is, and where the npm package keeps the same file (the manifest's <c>configSchema</c>). The assembly
/// is looked up only when the schema is first read: under Native AOT an <see cref="Assembly"/> object starts the reflection
/// runtime, which serving a start's first answer does not otherwise need.
/// </summary>
public sealed class EmbeddedConfigSchema(Type anchor, string fileName)
{
    private readonly Lazy<byte[]> utf8 = new(() =>
    {
        var assembly = anchor.Assembly;
        using var stream = assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"Embedded resource {fileName} is missing from {assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var all = bytes.ToArray();
        return all.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? all[Encoding.UTF8.Preamble.Length..] : all;
    });

    /// <summary>The schema's text, exactly as committed.</summary>
    public string Json => Encoding.UTF8.GetString(utf8.Value);

    /// <summary>Package-relative path of the same file in the connector's npm package.</summary>
    public string PackagePath => $"./schema/{fileName}";

    /// <summary>The schema (JSON Schema draft 2020-12), a fresh copy on every call.</summary>
    public JsonObject Parse() => JsonNode.Parse(utf8.Value)!.AsObject();

    /// <summary>The schema as a read-only document, for reading it without building nodes.</summary>
    public JsonDocument ParseDocument() => JsonDocument.Parse(utf8.Value);

    /// <summary>Writes the schema as committed (its whitespace too): it is valid JSON, the connector's tests parse it.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(utf8.Value, skipInputValidation: true);
    }
}
