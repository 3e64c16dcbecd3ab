using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The connector's Logto metadata and config schema (schema/aliyun-direct-mail.config.schema.json, embedded).</summary>
public static class AliyunDirectMailMetadata
{
    /// <summary>Distinct from the official connector's <c>aliyun-direct-mail</c>, which ships in Logto's Docker image.</summary>
    public const string Id = "aliyun-direct-mail-dotnet";

    public const string Type = "Email";

    public static ConnectorMetadataSource Source { get; } = new(
        Id,
        Type,
        Target: "aliyun-dm",
        Name:
        [
            ("en", "Aliyun Direct Mail (.NET)"),
            ("zh-CN", "阿里云邮件推送 (.NET)"),
            ("tr-TR", "Aliyun Direct Mail (.NET)"),
            ("ko", "Aliyun 다이렉트 메일 (.NET)"),
        ],
        Description:
        [
            ("en", "Sends Logto's emails with Aliyun Direct Mail, through a connector written in C# that runs in its own process."),
            ("zh-CN", "通过阿里云邮件推送发送 Logto 邮件；连接器以 C# 编写，在独立进程中运行。"),
            ("tr-TR", "Logto e-postalarını Aliyun Direct Mail ile gönderir; bağlayıcı C# ile yazılmıştır ve kendi sürecinde çalışır."),
            ("ko", "Aliyun Direct Mail로 Logto 이메일을 보냅니다. 커넥터는 C#으로 작성되었으며 별도 프로세스에서 실행됩니다."),
        ],
        // The root package's README is for developers; operators get the connector's guide.
        Readme: "./connector/AliyunDirectMail/README.md",
        new EmbeddedConfigSchema(typeof(AliyunDirectMailMetadata), "aliyun-direct-mail.config.schema.json"));
}
