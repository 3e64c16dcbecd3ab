using System.Text.Json.Nodes;
using Connector.Tests.Schema;
using Logto.Connector.AliyunSms;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunSms;

/// <summary>
/// Generates schema/aliyun-sms.config.schema.json: NJsonSchema reads <see cref="AliyunSmsConfig"/>; this adds what attributes
/// cannot say — templateCode as a string or <c>{china, overseas}</c>, the template types, the required usage types and the
/// default templates (one per <see cref="TemplateType"/>, as the official connector's form offers).
/// </summary>
internal static class AliyunSmsConfigSchemaSource
{
    public const string RelativePath = "schema/aliyun-sms.config.schema.json";

    /// <summary>
    /// Aliyun's template types the official guard accepts: Notification, Promotion, VerificationCode, InternationalMessage,
    /// PureNumber.
    /// </summary>
    public static readonly int[] TemplateTypeValues = [0, 1, 2, 6, 7];

    public static JsonObject Generate()
    {
        var schema = ConfigSchemaGenerator.Generate<AliyunSmsConfig>("Aliyun SMS connector config");
        var templates = schema["properties"]!["templates"]!.AsObject();
        templates["items"] = new JsonObject
        {
            ["title"] = "Template",
            ["type"] = "object",
            ["required"] = new JsonArray("usageType", "templateCode"),
            ["properties"] = new JsonObject
            {
                ["usageType"] = new JsonObject
                {
                    ["title"] = "Usage type",
                    ["type"] = "string",
                    ["description"] = "Logto's template type this entry serves, e.g. SignIn or Generic.",
                    ["examples"] = new JsonArray([.. Enum.GetNames<TemplateType>().Select(n => (JsonNode)n)]),
                },
                ["templateCode"] = new JsonObject
                {
                    ["title"] = "Template code",
                    ["type"] = new JsonArray("string", "object"),
                    ["description"] = "An approved template code such as SMS_123456789, or {\"china\": code, \"overseas\": code}: " +
                        "mainland numbers get china.",
                    ["required"] = new JsonArray("china", "overseas"),
                    ["properties"] = new JsonObject
                    {
                        ["china"] = new JsonObject { ["type"] = "string" },
                        ["overseas"] = new JsonObject { ["type"] = "string" },
                    },
                },
                ["type"] = new JsonObject
                {
                    ["title"] = "Template type",
                    ["type"] = "integer",
                    ["description"] = "Aliyun's template type (0 notification, 1 promotion, 2 verification code, 6 international, " +
                        "7 pure number); informational.",
                    ["enum"] = new JsonArray([.. TemplateTypeValues.Select(v => (JsonNode)v)]),
                },
            },
        };
        templates["allOf"] = new JsonArray([.. TemplateTypes.Required.Select(t => ContainsUsageType(t.ToString()))]);
        templates[ConfigValidator<AliyunSmsConfig>.MissingItemsMessage] = "UsageType ({missing}) should be provided in templates.";
        templates["default"] = new JsonArray([.. Enum.GetValues<TemplateType>().Select(t => (JsonNode)new JsonObject
        {
            ["usageType"] = t.ToString(),
            ["templateCode"] = "<template-code>",
        })]);
        return schema;
    }

    public static string GenerateText() => ReadableJson.Format(Generate());

    private static JsonObject ContainsUsageType(string usageType) => new()
    {
        ["contains"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("usageType"),
            ["properties"] = new JsonObject { ["usageType"] = new JsonObject { ["const"] = usageType } },
        },
    };
}
