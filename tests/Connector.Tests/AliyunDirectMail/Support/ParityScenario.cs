using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>One call sent by both connectors in the parity tests: payload, region, alias and an optional i18n template.</summary>
internal sealed record ParityScenario(TemplateType Type, JsonObject Payload, string? RegionId, string? FromAlias, JsonObject? I18n)
{
    private const string Content =
        "<p>Hi {{user.name}} ({{ user.profile.givenName }}), your code is <b>{{code}}</b> for {{application.name}} " +
        "{{application.branding.logoUrl}} {{link}} {{inviter.name}} {{organization.name}} {{n}} {{f}} {{b}} {{arr}} " +
        "{{user}} {{unknownRoot.x}} {{user.missing.leaf}}{{code}}</p>";

    private static readonly string[] UsageTypes = ["SignIn", "Register", "ForgotPassword", "Generic", "OrganizationInvitation"];

    public static IReadOnlyDictionary<string, ParityScenario> All { get; } = new Dictionary<string, ParityScenario>
    {
        // The admin console's Test button: Generic, code 000000, plus an application.
        ["test-route"] = new(
            TemplateType.Generic,
            Json("""{"code":"000000","locale":"en","application":{"name":"My App"}}"""),
            null, "Example", null),
        ["specials-singapore"] = new(
            TemplateType.SignIn,
            Json("""
                {"code":"12 34","locale":"en","link":"https://example.com/x?a=1&b=2~*",
                 "user":{"name":"Ann *~ <b>Bold</b> é中🙂 'q' \"d\"","profile":{"givenName":"Ann+1%20"},"primaryEmail":"ann+x@example.com"},
                 "application":{"name":"A & B ~*","branding":{"logoUrl":"https://example.com/l.png?a=1&b=~*"}}}
                """),
            "ap-southeast-1", null, null),
        ["empty-alias-fallback-type"] = new(
            TemplateType.MfaVerification,
            Json("""{"code":"777777","user":{"name":"  spaced  "}}"""),
            "ap-southeast-2", "", null),
        ["i18n-html"] = new(
            TemplateType.Register,
            Json("""{"code":"424242","locale":"zh-CN","user":{"name":"<i>李</i>"},"application":{"name":"应用"}}"""),
            "eu-central-1", "Ignored",
            new JsonObject
            {
                ["subject"] = "{{application.name}} 验证码 {{code}}",
                ["content"] = "<p>{{user.name}}: {{code}}</p>",
                ["contentType"] = "text/html",
                ["sendFrom"] = "Team {{application.name}}",
            }),
        ["i18n-empty-sendFrom-values"] = new(
            TemplateType.ForgotPassword,
            Json(
                """{"code":"1","n":1e21,"f":0.1,"b":true,"arr":[1,null,"x",[2,3]],"organization":{"id":"o1","name":"Org","branding":{}}}"""),
            "us-east-1", "Fallback",
            new JsonObject
            {
                ["subject"] = "Reset {{code}} {{n}}",
                ["content"] = Content,
                ["contentType"] = "text/html",
                ["sendFrom"] = "",
            }),
        ["invitation-hangzhou"] = new(
            TemplateType.OrganizationInvitation,
            Json(
                """{"link":"https://example.com/invite?token=a~b*c","inviter":{"name":"Bob & Co"},"organization":{"name":"Acme *~"},"user":{}}"""),
            "cn-hangzhou", "Acme",
            null),
    };

    /// <summary>The official connector's config (no endpoint, no escapeHtml): five templates, all with nested placeholders.</summary>
    public JsonObject Config(string accessKeyId, string secret)
    {
        var templates = new JsonArray();
        foreach (var usageType in UsageTypes)
        {
            templates.Add(new JsonObject
            {
                ["usageType"] = usageType,
                ["subject"] = $"{usageType}: {{{{application.name}}}} {{{{code}}}}",
                ["content"] = Content,
            });
        }

        var config = new JsonObject
        {
            ["accessKeyId"] = accessKeyId,
            ["accessKeySecret"] = secret,
            ["accountName"] = TestConfigs.AccountName,
            ["templates"] = templates,
        };
        if (RegionId is not null)
        {
            config["regionId"] = RegionId;
        }

        if (FromAlias is not null)
        {
            config["fromAlias"] = FromAlias;
        }

        return config;
    }

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
