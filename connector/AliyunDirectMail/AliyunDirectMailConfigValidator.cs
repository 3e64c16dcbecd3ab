using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Validates a config against the committed JSON Schema (embedded, see <see cref="AliyunDirectMailMetadata.ConfigSchema"/>)
/// and binds it; the single gate for <c>invalid_config</c>. A failure throws
/// <c>ConnectorException(InvalidConfig, {"issues":[{code, message, path}], "name":"ConfigValidationError"})</c>, paths as
/// arrays like zod's (<c>["templates", 0, "subject"]</c>). Messages never contain a config value.
/// </summary>
public static class AliyunDirectMailConfigValidator
{
    public const string ErrorName = "ConfigValidationError";

    private static readonly Lazy<(JsonSchema Schema, JsonObject Document)> Schema = new(Load);

    // 2020-12 treats `format` as an annotation by default; the endpoint must really be a URI.
    private static readonly EvaluationOptions Verdict = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private static readonly EvaluationOptions Details = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    public static AliyunDirectMailConfig Parse(JsonElement config)
    {
        var (schema, document) = Schema.Value;
        if (!schema.Evaluate(config, Verdict).IsValid)
        {
            // Only a failing config pays for the detailed output.
            var results = schema.Evaluate(config, Details);
            throw Invalid(MergeTemplateIssues(ConfigSchemaIssues.Collect(results, config, document), document));
        }

        try
        {
            return config.Deserialize(AliyunDirectMailJsonContext.Default.AliyunDirectMailConfig)
                ?? throw Invalid([Issue("invalid_type", "Expected object, received null")]);
        }
        catch (JsonException)
        {
            // Unreachable while the schema and the record agree; the exception text is dropped because it may quote input.
            throw Invalid([Issue("custom", "Config does not bind to the connector's config type")]);
        }
    }

    /// <summary>
    /// The schema requires each of Logto's required usage types with one <c>contains</c> under <c>templates.allOf</c>; like
    /// the official guard, all missing ones become one issue: "Template with UsageType (Register, Generic) should be provided!".
    /// </summary>
    private static List<ConfigIssue> MergeTemplateIssues(List<ConfigIssue> issues, JsonObject schema)
    {
        const string prefix = "/properties/templates/allOf/";
        var missing = issues
            .Where(i => i.Keyword == "contains" && i.EvaluationPath.StartsWith(prefix, StringComparison.Ordinal))
            .Select(i => (Index: int.Parse(i.EvaluationPath[prefix.Length..], CultureInfo.InvariantCulture), Issue: i))
            .OrderBy(m => m.Index)
            .Select(m => ConfigSchemaIssues.Resolve(schema, m.Issue.EvaluationPath + "/contains/properties/usageType/const")?.GetValue<string>())
            .OfType<string>()
            .ToList();
        if (missing.Count == 0)
        {
            return issues;
        }

        var merged = issues.Where(i => !(i.Keyword == "contains" && i.EvaluationPath.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        merged.Add(new ConfigIssue("custom", $"Template with UsageType ({string.Join(", ", missing)}) should be provided!", new JsonArray((JsonNode)"templates"), "contains", prefix));
        merged.Sort(ConfigSchemaIssues.Compare);
        return merged;
    }

    private static ConfigIssue Issue(string code, string message) => new(code, message, [], "", "");

    private static ConnectorException Invalid(IEnumerable<ConfigIssue> issues) => new(
        ConnectorErrorCode.InvalidConfig,
        new JsonObject
        {
            ["issues"] = new JsonArray([.. issues.Select(i => (JsonNode)i.ToJson())]),
            ["name"] = ErrorName,
        });

    private static (JsonSchema, JsonObject) Load()
    {
        var text = AliyunDirectMailMetadata.ConfigSchemaJson;
        // A registry of its own: the process-wide one would clash with anyone else building the same schema.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return (JsonSchema.FromText(text, options), JsonNode.Parse(text)!.AsObject());
    }
}
