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
/// Only System.Text.Json.Nodes: safe under Native AOT.
/// </summary>
public static class ConnectorConfigForm
{
    public static JsonArray FromSchema(JsonObject configSchema)
    {
        ArgumentNullException.ThrowIfNull(configSchema);
        var required = StringSet(configSchema["required"]);
        var items = new JsonArray();
        if (configSchema["properties"] is not JsonObject properties)
        {
            return items;
        }

        foreach (var (key, node) in properties)
        {
            if (node is JsonObject property)
            {
                items.Add((JsonNode)FormItem(key, property, required.Contains(key)));
            }
        }

        return items;
    }

    private static JsonObject FormItem(string key, JsonObject property, bool required)
    {
        var type = FormItemType(property);
        var item = new JsonObject
        {
            ["key"] = key,
            ["label"] = StringOf(property["title"]) ?? key,
            ["type"] = type,
            ["required"] = required,
        };
        AddIfPresent(item, "placeholder", Placeholder(property));
        if (property["default"] is { } defaultValue)
        {
            item["defaultValue"] = defaultValue.DeepClone();
        }

        if (type is "Select" or "MultiSelect")
        {
            item["selectItems"] = SelectItems(type == "Select" ? property : (JsonObject)property["items"]!, withTitles: type == "Select");
        }

        AddIfPresent(item, "description", StringOf(property["description"]));
        AddIfPresent(item, "tooltip", StringOf(property["x-tooltip"]));
        if (IsTrue(property["writeOnly"]))
        {
            if (type != "Text")
            {
                throw new ArgumentException($"Property '{key}' is a secret (writeOnly) but renders as {type}; Logto masks only Text items.", nameof(property));
            }

            item["isConfidential"] = true;
        }

        return item;
    }

    private static string FormItemType(JsonObject property)
    {
        if (property["enum"] is JsonArray)
        {
            return "Select";
        }

        return PrimaryType(property) switch
        {
            "array" when property["items"] is JsonObject { } items && items["enum"] is JsonArray => "MultiSelect",
            "boolean" => "Switch",
            "number" or "integer" => "Number",
            "string" => IsTrue(property["x-multiline"]) ? "MultilineText" : "Text",
            _ => "Json",
        };
    }

    /// <summary><c>"type": "string"</c>, or the first non-null entry of <c>"type": ["null", "string"]</c>.</summary>
    private static string? PrimaryType(JsonObject property) => property["type"] switch
    {
        JsonValue value => StringOf(value),
        JsonArray types => types.Select(StringOf).FirstOrDefault(t => t is not null and not "null"),
        _ => null,
    };

    private static JsonArray SelectItems(JsonObject schema, bool withTitles)
    {
        var values = (JsonArray)schema["enum"]!;
        var titles = schema["x-enumTitles"] as JsonArray;
        var selectItems = new JsonArray();
        for (var i = 0; i < values.Count; i++)
        {
            var value = StringOf(values[i]) ?? values[i]?.ToJsonString() ?? "null";
            var selectItem = new JsonObject { ["value"] = value };
            if (withTitles)
            {
                selectItem["title"] = titles is not null && i < titles.Count ? StringOf(titles[i]) ?? value : value;
            }

            selectItems.Add((JsonNode)selectItem);
        }

        return selectItems;
    }

    private static string? Placeholder(JsonObject property) =>
        StringOf(property["x-placeholder"]) ?? (property["examples"] is JsonArray { Count: > 0 } examples ? StringOf(examples[0]) : null);

    private static HashSet<string> StringSet(JsonNode? node) =>
        node is JsonArray array ? array.Select(StringOf).OfType<string>().ToHashSet(StringComparer.Ordinal) : [];

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static void AddIfPresent(JsonObject item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = value;
        }
    }
}
