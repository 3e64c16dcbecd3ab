using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Connector.Tests.Schema;

/// <summary>
/// Generates a connector's config JSON Schema from its C# config type with NJsonSchema, then normalises it to a
/// self-contained draft 2020-12 document: definitions inlined (no <c>$ref</c>), optional members typed as their value type
/// (zod's <c>.optional()</c>: absent is fine, <c>null</c> is not), unknown keys allowed (zod's default "strip").
/// </summary>
internal static class ConfigSchemaGenerator
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    public static JsonObject Generate<TConfig>(string title, params ISchemaProcessor[] processors)
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SchemaType = SchemaType.JsonSchema,
            AlwaysAllowAdditionalObjectProperties = true,
        };
        settings.SchemaProcessors.Add(new DataAnnotationsSchemaProcessor());
        foreach (var processor in processors)
        {
            settings.SchemaProcessors.Add(processor);
        }

        var generated = JsonNode.Parse(JsonSchema.FromType<TConfig>(settings).ToJson())!.AsObject();
        var definitions = generated["definitions"] as JsonObject ?? [];
        var body = (JsonObject)Normalize(generated, definitions)!;
        body.Remove("$schema");
        body.Remove("definitions");
        body.Remove("title");

        var schema = new JsonObject { ["$schema"] = Draft202012, ["title"] = title };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            schema[key] = value;
        }

        return schema;
    }

    private static JsonNode? Normalize(JsonNode? node, JsonObject definitions) => node switch
    {
        JsonObject { } reference when reference["$ref"]?.GetValue<string>() is { } pointer =>
            Normalize(definitions[pointer["#/definitions/".Length..]]!.DeepClone(), definitions),
        JsonObject obj => NormalizeObject(obj, definitions),
        JsonArray array => new JsonArray([.. array.Select(item => Normalize(item, definitions))]),
        _ => node?.DeepClone(),
    };

    private static JsonObject NormalizeObject(JsonObject obj, JsonObject definitions)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            result[key] = key switch
            {
                "type" when value is JsonArray types => SingleType(types),
                "properties" => NormalizeMap((JsonObject)value!, definitions),
                // Instance data and annotations: copied as they are.
                "default" or "enum" or "const" or "examples" => value?.DeepClone(),
                _ when key.StartsWith("x-", StringComparison.Ordinal) => value?.DeepClone(),
                _ => Normalize(value, definitions),
            };
        }

        return result;
    }

    private static JsonObject NormalizeMap(JsonObject map, JsonObject definitions)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result[key] = Normalize(value, definitions);
        }

        return result;
    }

    private static JsonNode SingleType(JsonArray types)
    {
        var nonNull = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToArray();
        return nonNull.Length == 1 ? JsonValue.Create(nonNull[0]) : new JsonArray([.. nonNull.Select(t => (JsonNode)t)]);
    }
}
