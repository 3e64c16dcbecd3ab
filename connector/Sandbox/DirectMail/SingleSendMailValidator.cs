using Logto.Connector.AliyunSandbox.Rpc;

namespace Logto.Connector.AliyunSandbox.DirectMail;

/// <summary>
/// SingleSendMail's business parameters, with Direct Mail's own error codes.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/singlesendmail (doc 29444)
/// </summary>
internal static class SingleSendMailValidator
{
    public const int MaxRecipients = 100;
    public const int MaxSubjectLength = 100;
    public const int MaxFromAliasLength = 15;

    /// <summary>Direct Mail's EmailLengthError limit.</summary>
    public const int MaxAddressLength = 192;

    public static AliyunError? Validate(RequestParameters parameters)
    {
        string[] required = ["AccountName", "AddressType", "ReplyToAddress", "ToAddress", "Subject"];
        foreach (var name in required)
        {
            if (string.IsNullOrEmpty(parameters[name]))
            {
                return AliyunError.Missing(name);
            }
        }

        if (!IsMailbox(parameters["AccountName"]!))
        {
            return AliyunError.MailAddressNotFound;
        }

        if (parameters["AddressType"] is not ("0" or "1"))
        {
            return AliyunError.InvalidParameter("AddressType");
        }

        // "true"/"false" per the docs; the official .NET SDKs send bool.ToString() ("True"/"False"), so case is not checked.
        if (!bool.TryParse(parameters["ReplyToAddress"], out _))
        {
            return AliyunError.InvalidParameter("ReplyToAddress");
        }

        var recipients = parameters["ToAddress"]!.Split(',', StringSplitOptions.TrimEntries);
        if (recipients.Length > MaxRecipients || !recipients.All(IsMailbox))
        {
            return AliyunError.InvalidToAddress;
        }

        // Doc 29444 says 100 characters; a newer page says 256. The stricter limit is the safe one.
        if (Length(parameters["Subject"]!) > MaxSubjectLength)
        {
            return AliyunError.InvalidSubject;
        }

        if (string.IsNullOrEmpty(parameters["HtmlBody"]) && string.IsNullOrEmpty(parameters["TextBody"]))
        {
            return AliyunError.InvalidBody;
        }

        // Logto sends config.fromAlias as is (and "" when set empty); 15 characters or fewer passes, as on Aliyun.
        return Length(parameters["FromAlias"] ?? "") > MaxFromAliasLength ? AliyunError.InvalidFromAlias : null;
    }

    /// <summary>Counts characters as a person would (a CJK character or an emoji is one).</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    /// <summary>local@domain, no spaces, no control characters, no header-breaking characters.</summary>
    public static bool IsMailbox(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return address.Length <= MaxAddressLength
            && at > 0
            && at < address.Length - 1
            && address.IndexOf('@', at + 1) < 0
            && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"');
    }

    public static int RecipientCount(string toAddress) => toAddress.Split(',').Length;
}
