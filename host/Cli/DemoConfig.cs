using System.Text.Json.Nodes;
using Logto.Connector.AliyunDirectMail.Sandbox;

namespace Logto.ConnectorHost.Cli;

/// <summary>The config <c>send --sandbox</c> uses when given none: the sandbox's credentials, a demo sender, one template per required usage type.</summary>
internal static class DemoConfig
{
    private static readonly string[] UsageTypes = ["SignIn", "Register", "ForgotPassword", "Generic"];

    public static JsonObject Create() => new()
    {
        ["accessKeyId"] = DirectMailSandboxOptions.DefaultAccessKeyId,
        ["accessKeySecret"] = DirectMailSandboxOptions.DefaultAccessKeySecret,
        ["accountName"] = "noreply@demo.logto.example",
        ["fromAlias"] = "Logto demo",
        ["regionId"] = "cn-hangzhou",
        ["templates"] = new JsonArray([.. UsageTypes.Select(usageType => (JsonNode)new JsonObject
        {
            ["usageType"] = usageType,
            ["subject"] = "Your Logto verification code is {{code}}",
            ["content"] = "<p>Your Logto verification code is <b>{{code}}</b>. It expires in 10 minutes.</p>",
        })]),
    };

    /// <summary>Points <paramref name="config"/> at <paramref name="sandbox"/> with the sandbox's credentials.</summary>
    public static JsonObject UseSandbox(JsonObject config, DirectMailSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sandbox);
        config["endpoint"] = sandbox.Endpoint.ToString();
        config["accessKeyId"] = DirectMailSandboxOptions.DefaultAccessKeyId;
        config["accessKeySecret"] = DirectMailSandboxOptions.DefaultAccessKeySecret;
        return config;
    }
}
