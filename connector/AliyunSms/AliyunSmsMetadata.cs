using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunSms;

/// <summary>
/// The connector's Logto metadata (connector-kit <c>ConnectorMetadata</c>) and its config JSON Schema, the committed
/// schema/aliyun-sms.config.schema.json embedded in this assembly; <c>formItems</c> are generated from it. Every getter
/// returns fresh JSON nodes.
/// </summary>
public static class AliyunSmsMetadata
{
    /// <summary>Distinct from the official connector's <c>aliyun-short-message-service</c>, so both can be installed.</summary>
    public const string Id = "aliyun-short-message-service-dotnet";

    public const string Type = "Sms";

    private static readonly EmbeddedConfigSchema Schema = new(typeof(AliyunSmsMetadata).Assembly, "aliyun-sms.config.schema.json");

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
        ["target"] = "aliyun-sms",
        ["platform"] = null,
        // Language keys must be in @logto/language-kit's list (zh-CN, not zh-Hans).
        ["name"] = new JsonObject
        {
            ["en"] = "Aliyun Short Message Service (.NET)",
            ["zh-CN"] = "阿里云短信服务 (.NET)",
            ["tr-TR"] = "Aliyun SMS Servisi (.NET)",
            ["ko"] = "Aliyun Short 메세지 서비스 (.NET)",
        },
        ["logo"] = "./logo.svg",
        ["logoDark"] = null,
        ["description"] = new JsonObject
        {
            ["en"] = "Sends Logto's verification codes by SMS with Aliyun SMS, through a connector written in C# that runs in its own process.",
            ["zh-CN"] = "通过阿里云短信服务发送 Logto 验证码短信；连接器以 C# 编写，在独立进程中运行。",
            ["tr-TR"] = "Logto doğrulama kodlarını Aliyun SMS ile gönderir; bağlayıcı C# ile yazılmıştır ve kendi sürecinde çalışır.",
            ["ko"] = "Aliyun SMS로 Logto 인증 코드를 보냅니다. 커넥터는 C#으로 작성되었으며 별도 프로세스에서 실행됩니다.",
        },
        ["readme"] = "./README.md",
        ["formItems"] = ConnectorConfigForm.FromSchema(configSchema),
    };
}
