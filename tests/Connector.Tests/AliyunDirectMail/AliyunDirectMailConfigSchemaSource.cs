using System.Text.Json.Nodes;
using Connector.Tests.Schema;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>
/// Generates schema/aliyun-direct-mail.config.schema.json: NJsonSchema reads <see cref="AliyunDirectMailConfig"/> and its
/// annotations; this adds what attributes cannot say — the regions (<see cref="DirectMailEndpoints.Regions"/>, which the
/// connector resolves endpoints from), the usage types, which templates are required, and the default templates (one per
/// <see cref="TemplateType"/>, as the official connector offers in its form).
/// </summary>
internal static class AliyunDirectMailConfigSchemaSource
{
    public const string RelativePath = "schema/aliyun-direct-mail.config.schema.json";

    /// <summary>Logto's <c>requiredTemplateUsageTypes</c>, in its order (connector-aliyun-dm <c>src/types.ts</c>).</summary>
    public static readonly string[] RequiredUsageTypes = [.. TemplateTypes.Required.Select(t => t.ToString())];

    /// <summary>How a config's <c>templates</c> description names them: "Register, SignIn, ForgotPassword and Generic".</summary>
    public static string RequiredUsageTypesInWords => $"{string.Join(", ", RequiredUsageTypes[..^1])} and {RequiredUsageTypes[^1]}";

    public static JsonObject Generate()
    {
        var schema = ConfigSchemaGenerator.Generate<AliyunDirectMailConfig>("Aliyun Direct Mail connector config");
        var regionId = schema["properties"]!["regionId"]!.AsObject();
        regionId["enum"] = new JsonArray([.. DirectMailEndpoints.Regions.Select(region => (JsonNode)region.Id)]);
        regionId["x-enumTitles"] = new JsonArray([.. DirectMailEndpoints.Regions.Select(region => (JsonNode)region.Title)]);
        var templates = schema["properties"]!["templates"]!.AsObject();
        var properties = templates["items"]!["properties"]!.DeepClone().AsObject();
        // Any string, like the official guard (z.string()): an operator's existing config may carry a legacy usage type such as
        // "Test". Logto's 9 TemplateType values are offered as examples; the 4 required ones are enforced by allOf/contains.
        properties["usageType"]!["description"] = "Logto's template type this entry serves, e.g. SignIn or Generic.";
        properties["usageType"]!["examples"] = new JsonArray([.. Enum.GetNames<TemplateType>().Select(n => (JsonNode)n)]);
        templates["items"] = new JsonObject
        {
            ["title"] = "Template",
            ["type"] = "object",
            ["required"] = new JsonArray("usageType", "subject", "content"),
            ["properties"] = properties,
        };
        templates["allOf"] = new JsonArray([.. RequiredUsageTypes.Select(ContainsUsageType)]);
        templates[ConfigValidator<AliyunDirectMailConfig>.MissingItemsMessage] = "Template with UsageType ({missing}) should be provided!";
        templates["default"] = new JsonArray([.. Enum.GetValues<TemplateType>().Select(DefaultTemplate)]);
        return schema;
    }

    public static string GenerateText() => ReadableJson.Format(Generate());

    private static JsonNode ContainsUsageType(string usageType) => new JsonObject
    {
        ["contains"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("usageType"),
            ["properties"] = new JsonObject { ["usageType"] = new JsonObject { ["const"] = usageType } },
        },
    };

    private static JsonNode DefaultTemplate(TemplateType type)
    {
        var (subject, content) = type switch
        {
            TemplateType.SignIn => ("Your sign-in verification code", Code("Your sign-in verification code")),
            TemplateType.Register => ("Your sign-up verification code", Code("Your sign-up verification code")),
            TemplateType.ForgotPassword => ("Your password reset code", Code("Your password reset code")),
            TemplateType.OrganizationInvitation => (
                "You are invited to join an organization",
                "<p>You are invited to join an organization. <a href=\"{{link}}\">Accept the invitation</a>.</p>"),
            TemplateType.Generic => ("Your verification code", Code("Your verification code")),
            TemplateType.UserPermissionValidation => ("Confirm it is you", Code("Your identity verification code")),
            TemplateType.BindNewIdentifier => ("Verify your new email address", Code("Your email verification code")),
            TemplateType.MfaVerification => ("Your 2-step verification code", Code("Your 2-step verification code")),
            TemplateType.BindMfa => ("Set up 2-step verification", Code("Your 2-step verification setup code")),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "a new TemplateType needs a default template"),
        };
        return new JsonObject { ["usageType"] = type.ToString(), ["subject"] = subject, ["content"] = content };
    }

    private static string Code(string what) => $"<p>{what} is <strong>{{{{code}}}}</strong>. It expires in 10 minutes.</p>";
}
