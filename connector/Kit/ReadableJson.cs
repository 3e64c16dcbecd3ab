using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// JSON as people and diffs read it: two-space indent, <c>\n</c> line ends, a final newline. The form of the committed
/// generated files (manifests, config schemas) and of what the CLI prints.
/// </summary>
public static class ReadableJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Read by people and tools, not embedded in HTML: keep "<", ">", "&" and non-ASCII text as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Write(writer => node.WriteTo(writer));
    }

    public static string Format(JsonElement element) => Write(element.WriteTo);

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
