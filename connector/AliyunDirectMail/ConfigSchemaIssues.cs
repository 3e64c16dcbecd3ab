using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>One failed rule, shaped like a zod issue (<c>code</c>, <c>message</c>, <c>path</c>), plus where it came from.</summary>
internal sealed record ConfigIssue(string Code, string Message, JsonArray Path, string Keyword, string EvaluationPath)
{
    public JsonObject ToJson() => new() { ["code"] = Code, ["message"] = Message, ["path"] = Path.DeepClone() };
}

/// <summary>
/// Turns JsonSchema.Net's hierarchical output into zod-like issues. Messages are built from the schema and the JSON type of
/// the value, never from the value itself, so a secret cannot leak through them. Keywords and messages (schema/README.md):
/// <c>type</c> → invalid_type "Expected string, received number"; <c>required</c> → invalid_type "Required" at the missing
/// key; <c>enum</c> → invalid_enum_value; <c>const</c> → invalid_literal; <c>format</c>/<c>pattern</c> → invalid_string;
/// <c>contains</c> and anything else → custom. Issues are sorted by path, then code, then message.
/// </summary>
internal static class ConfigSchemaIssues
{
    public static List<ConfigIssue> Collect(EvaluationResults results, JsonElement instance, JsonObject schema)
    {
        var issues = new List<ConfigIssue>();
        Walk(results, instance, schema, issues);
        issues.Sort(Compare);
        return issues;
    }

    private static void Walk(EvaluationResults node, JsonElement root, JsonObject schema, List<ConfigIssue> issues)
    {
        if (node.IsValid)
        {
            return;
        }

        var evaluationPath = node.EvaluationPath.ToString();
        if (node.Errors is { Count: > 0 } errors)
        {
            var subschema = Resolve(schema, evaluationPath) as JsonObject;
            var (path, value) = Locate(root, node.InstanceLocation.ToString());
            foreach (var keyword in errors.Keys)
            {
                issues.AddRange(ToIssues(keyword, subschema, path, value, evaluationPath));
            }
        }

        foreach (var child in node.Details ?? [])
        {
            // Items tried against `contains` fail by design; the `contains` error itself is the issue.
            if (!child.EvaluationPath.ToString().EndsWith("/contains", StringComparison.Ordinal))
            {
                Walk(child, root, schema, issues);
            }
        }
    }

    private static IEnumerable<ConfigIssue> ToIssues(string keyword, JsonObject? subschema, JsonArray path, JsonElement value, string evaluationPath)
    {
        ConfigIssue Issue(string code, string message, JsonArray? at = null) => new(code, message, at ?? path, keyword, evaluationPath);

        switch (keyword)
        {
            case "required":
                foreach (var missing in Strings(subschema?["required"]))
                {
                    if (value.ValueKind == JsonValueKind.Object && !value.TryGetProperty(missing, out _))
                    {
                        var at = (JsonArray)path.DeepClone();
                        at.Add((JsonNode)missing);
                        yield return Issue("invalid_type", "Required", at);
                    }
                }

                break;
            case "type":
                yield return Issue("invalid_type", $"Expected {TypeList(subschema?["type"])}, received {JsonTypeOf(value)}");
                break;
            case "enum":
                var options = subschema?["enum"] is JsonArray values ? string.Join(" | ", values.Select(Literal)) : "";
                yield return Issue("invalid_enum_value", $"Invalid enum value. Expected {options}");
                break;
            case "const":
                yield return Issue("invalid_literal", $"Invalid literal value, expected {subschema?["const"]?.ToJsonString() ?? "null"}");
                break;
            case "format":
                yield return Issue("invalid_string", $"Invalid {subschema?["format"]?.GetValue<string>() ?? "format"}");
                break;
            case "pattern":
                yield return Issue("invalid_string", $"Invalid: must match pattern {subschema?["pattern"]?.GetValue<string>()}");
                break;
            case "contains":
                yield return Issue("custom", "Must contain at least one matching item");
                break;
            default:
                yield return Issue("custom", $"Does not satisfy '{keyword}'");
                break;
        }
    }

    /// <summary>The schema object an evaluation path points at (no <c>$ref</c> in our schemas, so it is a path in the file).</summary>
    internal static JsonNode? Resolve(JsonObject schema, string evaluationPath)
    {
        var segments = Segments(evaluationPath);
        JsonNode? current = schema;
        for (var i = 0; i < segments.Count && current is not null; i++)
        {
            var keyword = segments[i];
            switch (keyword)
            {
                case "properties" or "patternProperties" or "$defs" or "dependentSchemas" when i + 1 < segments.Count:
                    current = current[keyword]?[segments[++i]];
                    break;
                case "allOf" or "anyOf" or "oneOf" or "prefixItems" when i + 1 < segments.Count:
                    current = current[keyword] is JsonArray list && int.TryParse(segments[++i], CultureInfo.InvariantCulture, out var index) && index < list.Count
                        ? list[index]
                        : null;
                    break;
                case "items":
                    current = current["items"];
                    // JsonSchema.Net 8.0.5 repeats the keyword for items ("/items/items"); 9.x and later are not free to use.
                    if (i + 1 < segments.Count && segments[i + 1] == "items")
                    {
                        i++;
                    }

                    break;
                default:
                    current = current[keyword];
                    break;
            }
        }

        return current;
    }

    /// <summary>A JSON Pointer as a zod path (array indices as numbers) and the value it points at.</summary>
    private static (JsonArray Path, JsonElement Value) Locate(JsonElement root, string pointer)
    {
        var path = new JsonArray();
        var current = root;
        foreach (var segment in Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                path.Add((JsonNode)index);
                current = current[index];
            }
            else
            {
                path.Add((JsonNode)segment);
                current = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next) ? next : default;
            }
        }

        return (path, current);
    }

    private static List<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer.TrimStart('#').Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>()).OfType<string>() : [];

    private static string TypeList(JsonNode? type) => type switch
    {
        JsonArray types => string.Join(" | ", Strings(types)),
        JsonValue single => single.GetValue<string>(),
        _ => "a valid type",
    };

    /// <summary>zod's names for the JSON type of a value (<c>undefined</c> for a missing one).</summary>
    private static string JsonTypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    /// <summary>A schema literal as zod prints it: strings in single quotes, anything else as JSON.</summary>
    private static string Literal(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? $"'{value.GetValue<string>()}'" : node?.ToJsonString() ?? "null";

    internal static int Compare(ConfigIssue a, ConfigIssue b)
    {
        for (var i = 0; i < Math.Min(a.Path.Count, b.Path.Count); i++)
        {
            var x = a.Path[i]!;
            var y = b.Path[i]!;
            var byKind = x.GetValueKind().CompareTo(y.GetValueKind());
            var bySegment = byKind != 0 ? byKind
                : x.GetValueKind() == JsonValueKind.Number ? x.GetValue<int>().CompareTo(y.GetValue<int>())
                : string.CompareOrdinal(x.GetValue<string>(), y.GetValue<string>());
            if (bySegment != 0)
            {
                return bySegment;
            }
        }

        var byLength = a.Path.Count.CompareTo(b.Path.Count);
        var byCode = byLength != 0 ? byLength : string.CompareOrdinal(a.Code, b.Code);
        return byCode != 0 ? byCode : string.CompareOrdinal(a.Message, b.Message);
    }
}
