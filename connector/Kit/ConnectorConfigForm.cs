using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// Turns a connector's config JSON Schema into Logto's <c>formItems</c> (connector-kit <c>ConnectorConfigFormItem</c>), one
/// item per top-level property, in schema order. The mapping (schema/README.md documents it):
/// <list type="bullet">
/// <item><c>enum</c> → <c>Select</c> (titles from <c>x-enumTitles</c>); an array of <c>enum</c> → <c>MultiSelect</c>;
/// <c>boolean</c> → <c>Switch</c>; <c>number</c>/<c>integer</c> → <c>Number</c>; <c>string</c> → <c>Text</c>, or
/// <c>MultilineText</c> with <c>x-multiline: true</c>; objects, arrays and the rest → <c>Json</c>.</item>
/// <item><c>title</c> → label, the parent's <c>required</c> → required, <c>default</c> → defaultValue,
/// <c>x-placeholder</c> (else a string <c>examples[0]</c>) → placeholder, <c>description</c>, <c>x-tooltip</c> → tooltip,
/// <c>writeOnly: true</c> → <c>isConfidential</c> (Logto masks <c>Text</c> items only, so a secret of any other kind throws).</item>
/// </list>
/// Written straight to a <see cref="Utf8JsonWriter"/> from the parsed schema: the host writes the items into its
/// <c>describe</c> answer, and building them as nodes first costs several times more.
/// </summary>
public static class ConnectorConfigForm
{
    /// <summary>The items as nodes (for the metadata's <see cref="JsonObject"/> form and for tests).</summary>
    public static JsonArray FromSchema(JsonObject configSchema)
    {
        ArgumentNullException.ThrowIfNull(configSchema);
        var schema = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(schema))
        {
            configSchema.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(schema.WrittenMemory);
        var items = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(items))
        {
            Write(writer, document.RootElement);
        }

        return JsonNode.Parse(items.WrittenSpan)!.AsArray();
    }

    /// <summary>Writes the items of <paramref name="configSchema"/> as one JSON array.</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement configSchema)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        if (configSchema.ValueKind == JsonValueKind.Object && configSchema.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object)
        {
            var required = StringSet(Member(configSchema, "required"));
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    WriteItem(writer, property.Name, property.Value, required.Contains(property.Name));
                }
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter writer, string key, JsonElement property, bool required)
    {
        var type = FormItemType(property);
        if (IsTrue(Member(property, "writeOnly")) && type != "Text")
        {
            throw new ArgumentException(
                $"Property '{key}' is a secret (writeOnly) but renders as {type}; Logto masks only Text items.",
                nameof(property));
        }

        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteString("label", StringOf(Member(property, "title")) ?? key);
        writer.WriteString("type", type);
        writer.WriteBoolean("required", required);
        WriteIfPresent(writer, "placeholder", Placeholder(property));
        if (Member(property, "default") is { ValueKind: not JsonValueKind.Null } defaultValue)
        {
            writer.WritePropertyName("defaultValue");
            defaultValue.WriteTo(writer);
        }

        if (type is "Select" or "MultiSelect")
        {
            writer.WritePropertyName("selectItems");
            WriteSelectItems(writer, type == "Select" ? property : property.GetProperty("items"), withTitles: type == "Select");
        }

        WriteIfPresent(writer, "description", StringOf(Member(property, "description")));
        WriteIfPresent(writer, "tooltip", StringOf(Member(property, "x-tooltip")));
        if (IsTrue(Member(property, "writeOnly")))
        {
            writer.WriteBoolean("isConfidential", true);
        }

        writer.WriteEndObject();
    }

    private static string FormItemType(JsonElement property)
    {
        if (Member(property, "enum") is { ValueKind: JsonValueKind.Array })
        {
            return "Select";
        }

        return PrimaryType(property) switch
        {
            "array" when Member(property, "items") is { ValueKind: JsonValueKind.Object } items
                && Member(items, "enum") is { ValueKind: JsonValueKind.Array } => "MultiSelect",
            "boolean" => "Switch",
            "number" or "integer" => "Number",
            "string" => IsTrue(Member(property, "x-multiline")) ? "MultilineText" : "Text",
            _ => "Json",
        };
    }

    /// <summary><c>"type": "string"</c>, or the first non-null entry of <c>"type": ["null", "string"]</c>.</summary>
    private static string? PrimaryType(JsonElement property) => Member(property, "type") switch
    {
        { ValueKind: JsonValueKind.Array } types => types.EnumerateArray()
            .Select(t => StringOf(t))
            .FirstOrDefault(t => t is not null and not "null"),
        var value => StringOf(value),
    };

    private static void WriteSelectItems(Utf8JsonWriter writer, JsonElement schema, bool withTitles)
    {
        var values = schema.GetProperty("enum");
        var titles = Member(schema, "x-enumTitles") is { ValueKind: JsonValueKind.Array } array ? array : (JsonElement?)null;
        var titleCount = titles?.GetArrayLength() ?? 0;
        writer.WriteStartArray();
        var i = 0;
        foreach (var element in values.EnumerateArray())
        {
            var value = StringOf(element) ?? Compact(element);
            writer.WriteStartObject();
            writer.WriteString("value", value);
            if (withTitles)
            {
                writer.WriteString("title", i < titleCount ? StringOf(titles!.Value[i]) ?? value : value);
            }

            writer.WriteEndObject();
            i++;
        }

        writer.WriteEndArray();
    }

    private static string? Placeholder(JsonElement property) =>
        StringOf(Member(property, "x-placeholder"))
        ?? (Member(property, "examples") is { ValueKind: JsonValueKind.Array } examples && examples.GetArrayLength() > 0
            ? StringOf(examples[0])
            : null);

    private static HashSet<string> StringSet(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(e => StringOf(e)).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? StringOf(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool IsTrue(JsonElement? element) => element is { ValueKind: JsonValueKind.True };

    /// <summary>A non-string enum value as its JSON text, without the schema's whitespace.</summary>
    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
