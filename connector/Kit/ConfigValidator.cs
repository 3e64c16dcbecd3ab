using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Logto.ConnectorKit;

/// <summary>
/// A connector's single gate for <c>invalid_config</c>: evaluates a config against its committed JSON Schema with
/// <see cref="ConfigSchemaEvaluator"/>, then binds it to <typeparamref name="TConfig"/>. A failure throws
/// <c>ConnectorException(InvalidConfig, {"issues":[{code, message, path}], "name":"ConfigValidationError"})</c>, paths as
/// arrays like zod's (<c>["templates", 0, "subject"]</c>). Messages never contain a config value.
/// </summary>
/// <remarks>
/// The wording of a failed required item comes from the schema: an array schema with <see cref="MissingItemsMessage"/> and
/// <c>allOf: [{contains: {properties: {k: {const: X}}}}, …]</c> reports every missing X in one custom issue, the message's
/// <c>{missing}</c> replaced by the comma-joined values (Logto's guards say e.g. "Template with UsageType (Register, Generic)
/// should be provided!"). lib/src/config-issues.js applies the same rule, so the bridge and the host word it alike.
/// </remarks>
public sealed class ConfigValidator<TConfig>
    where TConfig : class
{
    /// <summary>The schema annotation that merges missing required items into one issue (see the remarks).</summary>
    public const string MissingItemsMessage = "x-missingItemsMessage";

    public const string ErrorName = "ConfigValidationError";

    private readonly ConfigSchemaEvaluator evaluator;
    private readonly JsonObject schema;
    private readonly JsonTypeInfo<TConfig> typeInfo;

    public ConfigValidator(JsonObject schema, JsonTypeInfo<TConfig> typeInfo, IEnumerable<ConfigSchemaPattern>? patterns = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(typeInfo);
        this.schema = schema;
        this.typeInfo = typeInfo;
        evaluator = ConfigSchemaEvaluator.Load(schema, patterns);
    }

    public TConfig Parse(JsonElement config)
    {
        IReadOnlyList<ConfigSchemaIssue> issues;
        try
        {
            issues = evaluator.Evaluate(config);
        }
        catch (InvalidOperationException)
        {
            // A member name holding a lone surrogate ({"\ud800": …}, valid JSON) makes System.Text.Json's lookups throw.
            throw Invalid([Issue("custom", "Config holds a member name that is not valid Unicode text (a lone surrogate)")]);
        }

        if (issues.Count > 0)
        {
            throw Invalid(MergeMissingItems(issues).Select(i => i.ToJson()));
        }

        try
        {
            return config.Deserialize(typeInfo) ?? throw Invalid([Issue("invalid_type", "Expected object, received null")]);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A key the schema does not name may still hold a lone surrogate, which the binder refuses to decode. The exception
            // text is dropped because it may quote input.
            throw Invalid([Issue("custom", "Config does not bind to the connector's config type (text that is not valid Unicode?)")]);
        }
    }

    private List<ConfigSchemaIssue> MergeMissingItems(IReadOnlyList<ConfigSchemaIssue> issues)
    {
        var merged = new List<ConfigSchemaIssue>(issues.Count);
        var groups = new Dictionary<string, List<(int Order, string Value, ConfigSchemaIssue Issue)>>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            if (MissingItem(issue) is { } missing)
            {
                if (!groups.TryGetValue(missing.Parent, out var group))
                {
                    groups[missing.Parent] = group = [];
                }

                group.Add((missing.Order, missing.Value, issue));
            }
            else
            {
                merged.Add(issue);
            }
        }

        foreach (var (parent, group) in groups)
        {
            group.Sort((a, b) => a.Order.CompareTo(b.Order));
            var template = Resolve(parent)![MissingItemsMessage]!.GetValue<string>();
            var message = template.Replace("{missing}", string.Join(", ", group.Select(g => g.Value)), StringComparison.Ordinal);
            merged.Add(group[0].Issue with { Code = "custom", Message = message });
        }

        merged.Sort(ConfigSchemaIssue.Compare);
        return merged;
    }

    // A failed `contains` at <parent>/allOf/<n> whose parent carries the message annotation, and the const it asked for.
    private (string Parent, int Order, string Value)? MissingItem(ConfigSchemaIssue issue)
    {
        const string AllOf = "/allOf/";
        var at = issue.SchemaPath.LastIndexOf(AllOf, StringComparison.Ordinal);
        if (issue.Keyword != "contains" || at < 0 || !int.TryParse(issue.SchemaPath.AsSpan(at + AllOf.Length), out var order))
        {
            return null;
        }

        var parent = issue.SchemaPath[..at];
        if (Resolve(parent)?[MissingItemsMessage] is not JsonValue || issue.Schema["contains"]?["properties"] is not JsonObject properties)
        {
            return null;
        }

        var value = properties
            .Select(p => p.Value?["const"])
            .OfType<JsonValue>()
            .FirstOrDefault(v => v.GetValueKind() == JsonValueKind.String);
        return value is null ? null : (parent, order, value.GetValue<string>());
    }

    private JsonObject? Resolve(string pointer)
    {
        JsonNode? node = schema;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonArray array && int.TryParse(name, out var index) ? array[index] : node?[name];
        }

        return node as JsonObject;
    }

    private static JsonObject Issue(string code, string message) =>
        new() { ["code"] = code, ["message"] = message, ["path"] = new JsonArray() };

    private static ConnectorException Invalid(IEnumerable<JsonObject> issues) => new(
        ConnectorErrorCode.InvalidConfig,
        new JsonObject
        {
            ["issues"] = new JsonArray([.. issues]),
            ["name"] = ErrorName,
        });
}
