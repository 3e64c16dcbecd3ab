namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The SingleSendMail parameters, in the order the official connector sends them; the Aliyun RPC client appends
/// <c>Signature</c>. https://www.alibabacloud.com/help/en/direct-mail/developer-reference/api-dm-2015-11-23-singlesendmail
/// </summary>
internal static class SingleSendMailForm
{
    public static List<KeyValuePair<string, string>> Build(
        AliyunDirectMailConfig config, RenderedMail mail, string nonce, string timestamp)
    {
        var parameters = new List<KeyValuePair<string, string>>(17)
        {
            new("Action", "SingleSendMail"),
            new("Format", "json"),
            new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureVersion", "1.0"),
            new("Version", "2015-11-23"),
            new("AccessKeyId", config.AccessKeyId),
            new("AccountName", config.AccountName),
            new("ReplyToAddress", "false"),
            new("AddressType", "1"),
            new("ToAddress", mail.ToAddress),
        };

        // Omitted when absent, sent when "" (the official connector drops only undefined values).
        if (mail.FromAlias is not null)
        {
            parameters.Add(new("FromAlias", mail.FromAlias));
        }

        parameters.Add(new("Subject", mail.Subject));
        parameters.Add(new(mail.IsPlainText ? "TextBody" : "HtmlBody", mail.Body));
        // Sent with a custom endpoint too, like the official connector sends it for every region.
        parameters.Add(new("RegionId", DirectMailEndpoints.RegionIdOf(config)));
        parameters.Add(new("SignatureNonce", nonce));
        parameters.Add(new("Timestamp", timestamp));
        return parameters;
    }
}
