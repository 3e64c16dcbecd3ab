using Logto.ConnectorKit;

namespace Logto.Connector.AliyunSms;

/// <summary>The connector's Logto metadata and config schema (schema/aliyun-sms.config.schema.json, embedded).</summary>
public static class AliyunSmsMetadata
{
    /// <summary>Distinct from the official connector's <c>aliyun-short-message-service</c>, so both can be installed.</summary>
    public const string Id = "aliyun-short-message-service-dotnet";

    public const string Type = "Sms";

    public static ConnectorMetadataSource Source { get; } = new(
        Id,
        Type,
        Target: "aliyun-sms",
        Name:
        [
            ("en", "Aliyun Short Message Service (.NET)"),
            ("zh-CN", "阿里云短信服务 (.NET)"),
            ("tr-TR", "Aliyun SMS Servisi (.NET)"),
            ("ko", "Aliyun Short 메세지 서비스 (.NET)"),
        ],
        Description:
        [
            ("en", "Sends Logto's verification codes by SMS with Aliyun SMS, through a connector written in C# that runs in its " +
                "own process."),
            ("zh-CN", "通过阿里云短信服务发送 Logto 验证码短信；连接器以 C# 编写，在独立进程中运行。"),
            ("tr-TR", "Logto doğrulama kodlarını Aliyun SMS ile gönderir; bağlayıcı C# ile yazılmıştır ve kendi sürecinde çalışır."),
            ("ko", "Aliyun SMS로 Logto 인증 코드를 보냅니다. 커넥터는 C#으로 작성되었으며 별도 프로세스에서 실행됩니다."),
        ],
        Readme: "./README.md",
        new EmbeddedConfigSchema(typeof(AliyunSmsMetadata), "aliyun-sms.config.schema.json"));
}
