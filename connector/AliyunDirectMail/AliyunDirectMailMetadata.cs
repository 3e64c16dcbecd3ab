using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The connector's Logto metadata (connector-kit <c>ConnectorMetadata</c>) and its config JSON Schema. The schema is the
/// committed schema/aliyun-direct-mail.config.schema.json, embedded in this assembly; <c>formItems</c> are generated from it.
/// Every getter returns fresh JSON nodes: a caller may add them to its own tree or change them without touching anyone else's.
/// </summary>
public static class AliyunDirectMailMetadata
{
    /// <summary>Distinct from the official connector's <c>aliyun-direct-mail</c>, which ships in Logto's Docker image.</summary>
    public const string Id = "aliyun-direct-mail-dotnet";

    public const string Type = "Email";

    private static readonly EmbeddedConfigSchema Schema = new(typeof(AliyunDirectMailMetadata).Assembly, "aliyun-direct-mail.config.schema.json");

    /// <summary>The config schema's text, exactly as committed.</summary>
    public static string ConfigSchemaJson => Schema.Json;

    /// <summary>The config schema (JSON Schema draft 2020-12).</summary>
    public static JsonObject ConfigSchema => Schema.Parse();

    /// <summary>Logto metadata: what <c>connectorMetadataGuard</c> checks and the admin console shows.</summary>
    public static JsonObject Metadata => MetadataWith(ConfigSchema);

    public static ConnectorDescriptor Descriptor
    {
        get
        {
            var schema = ConfigSchema;
            return new(Id, Type, MetadataWith(schema), schema) { ConfigSchemaPath = Schema.PackagePath };
        }
    }

    private static JsonObject MetadataWith(JsonObject configSchema) => new()
    {
        ["id"] = Id,
        ["target"] = "aliyun-dm",
        ["platform"] = null,
        // Language keys must be in @logto/language-kit's list (zh-CN, not zh-Hans).
        ["name"] = new JsonObject
        {
            ["en"] = "Aliyun Direct Mail (.NET)",
            ["zh-CN"] = "阿里云邮件推送 (.NET)",
            ["tr-TR"] = "Aliyun Direct Mail (.NET)",
            ["ko"] = "Aliyun 다이렉트 메일 (.NET)",
        },
        ["logo"] = "./logo.svg",
        ["logoDark"] = null,
        ["description"] = new JsonObject
        {
            ["en"] = "Sends Logto's emails with Aliyun Direct Mail, through a connector written in C# that runs in its own process.",
            ["zh-CN"] = "通过阿里云邮件推送发送 Logto 邮件；连接器以 C# 编写，在独立进程中运行。",
            ["tr-TR"] = "Logto e-postalarını Aliyun Direct Mail ile gönderir; bağlayıcı C# ile yazılmıştır ve kendi sürecinde çalışır.",
            ["ko"] = "Aliyun Direct Mail로 Logto 이메일을 보냅니다. 커넥터는 C#으로 작성되었으며 별도 프로세스에서 실행됩니다.",
        },
        // The operator's guide beside the config form (the repository's README is for developers).
        ["readme"] = "./connector/AliyunDirectMail/README.md",
        ["formItems"] = ConnectorConfigForm.FromSchema(configSchema),
    };
}
