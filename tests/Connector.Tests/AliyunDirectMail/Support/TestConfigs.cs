using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>Configs and calls shaped like Logto's: the four templates the official guard requires, plus what a test adds.</summary>
internal static class TestConfigs
{
    public const string AccountName = "noreply@mail.example.com";

    /// <summary>
    /// The test secret: <c>LOGTO_TEST_CANARY_SECRET</c> when set (scripts/canary then looks for it in every output and file),
    /// else <paramref name="fallback"/>.
    /// </summary>
    public static string Secret(string fallback) =>
        Environment.GetEnvironmentVariable("LOGTO_TEST_CANARY_SECRET") is { Length: > 0 } canary ? canary : fallback;

    private static readonly string[] RequiredTemplateTypes = [.. TemplateTypes.Required.Select(type => type.ToString())];

    public static JsonObject Json(
        string accessKeyId = "testid", string? accessKeySecret = null, string? endpoint = null, string? regionId = null,
        string? fromAlias = null, bool? escapeHtml = null, params string[] extraTemplateTypes)
    {
        var templates = new JsonArray();
        foreach (var type in RequiredTemplateTypes.Concat(extraTemplateTypes))
        {
            templates.Add(new JsonObject
            {
                ["usageType"] = type,
                ["subject"] = $"{type} code {{{{code}}}}",
                ["content"] = $"<p>Your {type} code is <b>{{{{code}}}}</b> for {{{{application.name}}}} ({{{{unknownRoot.x}}}})</p>",
            });
        }

        var config = new JsonObject
        {
            ["accessKeyId"] = accessKeyId,
            ["accessKeySecret"] = accessKeySecret ?? Secret("testsecret"),
            ["accountName"] = AccountName,
            ["templates"] = templates,
        };
        if (regionId is not null)
        {
            config["regionId"] = regionId;
        }

        if (fromAlias is not null)
        {
            config["fromAlias"] = fromAlias;
        }

        if (endpoint is not null)
        {
            config["endpoint"] = endpoint;
        }

        if (escapeHtml is not null)
        {
            config["escapeHtml"] = escapeHtml;
        }

        return config;
    }

    public static AliyunDirectMailConfig Record(
        IReadOnlyList<TemplateConfig> templates, string? fromAlias = null, bool? escapeHtml = null) => new()
        {
            AccessKeyId = "testid",
            AccessKeySecret = "testsecret",
            AccountName = AccountName,
            FromAlias = fromAlias,
            EscapeHtml = escapeHtml,
            Templates = templates,
        };

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Element(JsonNode node) => Element(node.ToJsonString());

    public static SendMessageCall Call(
        JsonNode config, string to = "user@example.com", TemplateType type = TemplateType.Generic, string payload = """{"code":"000000"}""",
        EmailTemplateDetails? template = null) =>
        new(new SendMessageData(to, type, Element(payload)), Element(config), template);
}
