using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Validates a config against the committed JSON Schema (embedded, see <see cref="AliyunDirectMailMetadata.ConfigSchema"/>)
/// with <see cref="ConfigSchemaEvaluator"/> and binds it; the single gate for <c>invalid_config</c>. A failure throws
/// <c>ConnectorException(InvalidConfig, {"issues":[{code, message, path}], "name":"ConfigValidationError"})</c>, paths as
/// arrays like zod's (<c>["templates", 0, "subject"]</c>). Messages never contain a config value.
/// </summary>
public static class AliyunDirectMailConfigValidator
{
    public const string ErrorName = "ConfigValidationError";

    private const string RequiredTemplatesPath = "/properties/templates/allOf/";

    private static readonly Lazy<ConfigSchemaEvaluator> Schema = new(() => ConfigSchemaEvaluator.Load(AliyunDirectMailMetadata.ConfigSchema, [AliyunEndpoint.PatternCheck]));

    public static AliyunDirectMailConfig Parse(JsonElement config)
    {
        var issues = Schema.Value.Evaluate(config);
        if (issues.Count > 0)
        {
            throw Invalid(MergeTemplateIssues(issues).Select(i => i.ToJson()));
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
    private static IReadOnlyList<ConfigSchemaIssue> MergeTemplateIssues(IReadOnlyList<ConfigSchemaIssue> issues)
    {
        var missing = issues
            .Where(IsMissingTemplate)
            .OrderBy(i => int.Parse(i.SchemaPath[RequiredTemplatesPath.Length..], CultureInfo.InvariantCulture))
            .ToList();
        if (missing.Count == 0)
        {
            return issues;
        }

        var usageTypes = string.Join(", ", missing.Select(RequiredUsageType));
        var merged = issues.Where(i => !IsMissingTemplate(i)).ToList();
        merged.Add(missing[0] with { Code = "custom", Message = $"Template with UsageType ({usageTypes}) should be provided!" });
        merged.Sort(ConfigSchemaIssue.Compare);
        return merged;
    }

    private static bool IsMissingTemplate(ConfigSchemaIssue issue) =>
        issue.Keyword == "contains" && issue.SchemaPath.StartsWith(RequiredTemplatesPath, StringComparison.Ordinal) && RequiredUsageType(issue) is not null;

    private static string? RequiredUsageType(ConfigSchemaIssue issue) =>
        issue.Schema["contains"]?["properties"]?["usageType"]?["const"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    private static JsonObject Issue(string code, string message) => new() { ["code"] = code, ["message"] = message, ["path"] = new JsonArray() };

    private static ConnectorException Invalid(IEnumerable<JsonObject> issues) => new(
        ConnectorErrorCode.InvalidConfig,
        new JsonObject
        {
            ["issues"] = new JsonArray([.. issues]),
            ["name"] = ErrorName,
        });
}
