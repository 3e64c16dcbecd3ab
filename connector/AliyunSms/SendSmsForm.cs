namespace Logto.Connector.AliyunSms;

/// <summary>
/// The SendSms parameters in the order the official connector sends them (<c>{Action, ...staticConfigs, ...parameters,
/// SignatureNonce, Timestamp}</c>); the Aliyun RPC client appends <c>Signature</c>.
/// https://help.aliyun.com/en/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
/// </summary>
internal static class SendSmsForm
{
    public static List<KeyValuePair<string, string>> Build(
        AliyunSmsConfig config, string phoneNumber, string templateCode, string templateParam, string nonce, string timestamp) =>
        [
            new("Action", "SendSms"),
            new("Format", "json"),
            // Sent as the official connector sends it; SendSms is served from dysmsapi.aliyuncs.com for every mainland region.
            new("RegionId", "cn-hangzhou"),
            new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureVersion", "1.0"),
            new("Version", "2017-05-25"),
            new("AccessKeyId", config.AccessKeyId),
            new("PhoneNumbers", phoneNumber),
            new("SignName", config.SignName),
            new("TemplateCode", templateCode),
            new("TemplateParam", templateParam),
            new("SignatureNonce", nonce),
            new("Timestamp", timestamp),
        ];
}
