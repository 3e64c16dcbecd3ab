using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

// Why not JsonSchema.Net: in the Native AOT host it would be the largest dependency (it pulls in
// System.Linq.Expressions) and its module initializer parses its meta-schemas at every start (README's Performance
// section has the figures); versions >= 9 are paid, so 8.x gets no fixes; and its output needed workarounds (doubled
// `/items/items` evaluation paths, errors reported only inside `anyOf` branches).

/// <summary>
/// Evaluates a config against a JSON Schema (draft 2020-12) that uses only the keywords connector config schemas need:
/// <c>type</c>, <c>properties</c>, <c>required</c>, <c>items</c>, <c>enum</c>, <c>const</c>, <c>format: uri</c>,
/// <c>pattern</c> (checked by a <see cref="ConfigSchemaPattern"/> the connector passes), <c>allOf</c>, <c>contains</c>,
/// and the annotations <c>title</c>, <c>description</c>, <c>default</c>, <c>examples</c>, <c>writeOnly</c>, <c>x-*</c>.
/// Any other keyword (or format) throws in <see cref="Load"/>, so a schema change cannot silently skip a rule. Every
/// failed rule becomes one zod-like issue (schema/README.md): <c>type</c> → invalid_type "Expected string, received
/// number"; <c>required</c> → invalid_type "Required" at the missing key; <c>enum</c> → invalid_enum_value;
/// <c>const</c> → invalid_literal; <c>format</c>/<c>pattern</c> → invalid_string; <c>contains</c> → custom (the items
/// it tried are not reported). Messages are built from the schema and the JSON type of the value, never from the value
/// itself, so a secret cannot leak through them. Only System.Text.Json: safe under Native AOT.
/// </summary>
public sealed class ConfigSchemaEvaluator
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] Types = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private readonly Subschema root;

    private ConfigSchemaEvaluator(Subschema root) => this.root = root;

    /// <param name="schema">The config schema.</param>
    /// <param name="patterns">The compiled check of every <c>pattern</c> the schema uses.</param>
    /// <exception cref="NotSupportedException">
    /// The schema uses a keyword, format, type or dialect this evaluator does not know, or a pattern with no check in
    /// <paramref name="patterns"/>.
    /// </exception>
    public static ConfigSchemaEvaluator Load(JsonObject schema, IEnumerable<ConfigSchemaPattern>? patterns = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var checks = (patterns ?? []).ToDictionary(pattern => pattern.Pattern, StringComparer.Ordinal);
        if (schema["$schema"] is { } dialect && dialect.GetValue<string>() != Dialect)
        {
            throw new NotSupportedException($"The config schema must declare \"$schema\": \"{Dialect}\".");
        }

        return new(Compile(schema, "", checks));
    }

    /// <summary>
    /// The issues of <paramref name="instance"/>, sorted with <see cref="ConfigSchemaIssue.Compare"/>; none when it is
    /// valid.
    /// </summary>
    public IReadOnlyList<ConfigSchemaIssue> Evaluate(JsonElement instance)
    {
        var issues = new List<ConfigSchemaIssue>();
        Evaluate(root, instance, [], issues);
        issues.Sort(ConfigSchemaIssue.Compare);
        return issues;
    }

    private static void Evaluate(Subschema schema, JsonElement value, List<JsonNode> path, List<ConfigSchemaIssue> issues)
    {
        void Fail(string keyword, string code, string message) =>
            issues.Add(new(code, message, new JsonArray([.. path.Select(p => p.DeepClone())]), keyword, schema.Node, schema.Pointer));

        if (schema.Type is { } types && !types.Any(type => HasType(value, type)))
        {
            Fail("type", "invalid_type", $"Expected {string.Join(" | ", types)}, received {JsonTypeOf(value)}");
        }

        if (schema.Enum is { } options && !options.Any(option => SafeDeepEquals(option, value)))
        {
            var expected = string.Join(" | ", schema.Node["enum"]!.AsArray().Select(Literal));
            Fail("enum", "invalid_enum_value", $"Invalid enum value. Expected {expected}");
        }

        if (schema.Const is { } constant && !SafeDeepEquals(constant, value))
        {
            Fail("const", "invalid_literal", $"Invalid literal value, expected {schema.Node["const"]?.ToJsonString() ?? "null"}");
        }

        if (value.ValueKind == JsonValueKind.String && !TryGetText(value, out _))
        {
            // Valid JSON ("\ud800") that is not Unicode text: no connector can use it, and .NET refuses to decode it.
            Fail("type", "invalid_string", "Invalid: text that is not valid Unicode (a lone surrogate)");
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            TryGetText(value, out var text);
            // What JsonSchema.Net checked, and what lib/src/formats.js matches for ajv.
            if (schema.UriFormat && !Uri.TryCreate(text, UriKind.Absolute, out _))
            {
                Fail("format", "invalid_string", "Invalid uri");
            }

            if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
            {
                Fail("pattern", "invalid_string", $"Invalid: must match pattern {pattern.Pattern}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in schema.Required.Where(key => !value.TryGetProperty(key, out _)))
            {
                path.Add(key);
                Fail("required", "invalid_type", "Required");
                path.RemoveAt(path.Count - 1);
            }

            foreach (var (key, property) in schema.Properties)
            {
                if (value.TryGetProperty(key, out var member))
                {
                    path.Add(key);
                    Evaluate(property, member, path, issues);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            if (schema.Items is { } items)
            {
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    path.Add(index++);
                    Evaluate(items, item, path, issues);
                    path.RemoveAt(path.Count - 1);
                }
            }

            if (schema.Contains is { } contains && !value.EnumerateArray().Any(item => IsValid(contains, item)))
            {
                Fail("contains", "custom", "Must contain at least one matching item");
            }
        }

        foreach (var part in schema.AllOf)
        {
            Evaluate(part, value, path, issues);
        }
    }

    private static bool IsValid(Subschema schema, JsonElement value)
    {
        var issues = new List<ConfigSchemaIssue>();
        Evaluate(schema, value, [], issues);
        return issues.Count == 0;
    }

    private static Subschema Compile(JsonNode? node, string pointer, Dictionary<string, ConfigSchemaPattern> patterns)
    {
        var schema = node as JsonObject ?? throw Unsupported("a schema that is not an object", pointer);
        var compiled = new Subschema(schema, pointer);
        foreach (var (keyword, value) in schema)
        {
            var at = $"{pointer}/{Escape(keyword)}";
            switch (keyword)
            {
                case "type":
                    compiled.Type = value is JsonArray list ? Strings(list) : [value!.GetValue<string>()];
                    if (compiled.Type.FirstOrDefault(type => !Types.Contains(type)) is { } unknown)
                    {
                        throw Unsupported($"type '{unknown}'", at);
                    }

                    break;
                case "properties":
                    compiled.Properties = [.. value!.AsObject().Select(p => (p.Key, Compile(p.Value, $"{at}/{Escape(p.Key)}", patterns)))];
                    break;
                case "required":
                    compiled.Required = Strings(value!.AsArray());
                    break;
                case "items":
                    compiled.Items = Compile(value, at, patterns);
                    break;
                case "contains":
                    compiled.Contains = Compile(value, at, patterns);
                    break;
                case "allOf":
                    compiled.AllOf = [.. value!.AsArray().Select((part, i) =>
                        Compile(part, $"{at}/{i.ToString(CultureInfo.InvariantCulture)}", patterns))];
                    break;
                case "enum":
                    compiled.Enum = [.. value!.AsArray().Select(Element)];
                    break;
                case "const":
                    compiled.Const = Element(value);
                    break;
                case "format":
                    compiled.UriFormat = value!.GetValue<string>() == "uri" ? true : throw Unsupported($"format '{value}'", at);
                    break;
                case "pattern":
                    var text = value!.GetValue<string>();
                    compiled.Pattern = patterns.GetValueOrDefault(text)
                        ?? throw Unsupported($"pattern '{text}' without a compiled check (a ConfigSchemaPattern)", at);
                    break;
                case "$schema" when pointer.Length == 0:
                case "title" or "description" or "default" or "examples" or "writeOnly":
                case not null when keyword.StartsWith("x-", StringComparison.Ordinal):
                    break;
                default:
                    throw Unsupported($"keyword '{keyword}'", at);
            }
        }

        return compiled;
    }

    /// <summary>The string's text; false when it holds a lone surrogate, which <see cref="JsonElement.GetString"/> refuses.</summary>
    internal static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool SafeDeepEquals(JsonElement expected, JsonElement value)
    {
        try
        {
            return JsonElement.DeepEquals(expected, value);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static NotSupportedException Unsupported(string what, string pointer) =>
        new($"The config schema uses {what} at '{pointer}', which {nameof(ConfigSchemaEvaluator)} does not evaluate.");

    private static JsonElement Element(JsonNode? node) => JsonElement.Parse(node?.ToJsonString() ?? "null");

    private static string[] Strings(JsonArray array) => [.. array.Select(n => n!.GetValue<string>())];

    private static bool HasType(JsonElement value, string type) => (type, value.ValueKind) switch
    {
        ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) or ("string", JsonValueKind.String) => true,
        ("number", JsonValueKind.Number) or ("null", JsonValueKind.Null) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("integer", JsonValueKind.Number) => double.IsInteger(value.GetDouble()),
        _ => false,
    };

    /// <summary>zod's names for the JSON type of a value.</summary>
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
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? $"'{value.GetValue<string>()}'"
            : node?.ToJsonString() ?? "null";

    /// <summary>One schema object, compiled once: its rules, its enum/const values as elements, its regular expression.</summary>
    private sealed class Subschema(JsonObject node, string pointer)
    {
        public JsonObject Node { get; } = node;

        public string Pointer { get; } = pointer;

        public string[]? Type { get; set; }

        public (string Key, Subschema Schema)[] Properties { get; set; } = [];

        public string[] Required { get; set; } = [];

        public Subschema? Items { get; set; }

        public Subschema? Contains { get; set; }

        public Subschema[] AllOf { get; set; } = [];

        public JsonElement[]? Enum { get; set; }

        public JsonElement? Const { get; set; }

        public bool UriFormat { get; set; }

        public ConfigSchemaPattern? Pattern { get; set; }
    }
}
