using System.Buffers;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Rejects input that Aliyun would misread or refuse, before anything is sent (<c>invalid_request_parameters</c>).
/// Messages never echo the address or the secret.
/// </summary>
internal static class MailInputGuard
{
    /// <summary>SingleSendMail subject limit. https://www.alibabacloud.com/help/en/direct-mail/developer-reference/api-dm-2015-11-23-singlesendmail
    /// (doc 29444: 100 characters, error InvalidSubject.Malformed; newer pages say 256, so the stricter one is enforced).</summary>
    public const int MaxSubjectLength = 100;

    private const int MaxLocalPartLength = 64;
    private const int MaxAddressLength = 254;
    private static readonly SearchValues<char> LocalPartSpecials = SearchValues.Create("\"(),:;<>[\\]");

    /// <summary>
    /// ToAddress accepts a comma-separated list of up to 100 addresses (doc 29444); Logto means one recipient, so a list, a
    /// display name or stray whitespace is refused instead of fanning out.
    /// </summary>
    public static void EnsureSingleRecipient(string to)
    {
        if (string.IsNullOrEmpty(to))
        {
            throw Invalid("The recipient address (to) is empty.");
        }

        var separator = to.AsSpan().IndexOfAny(",;");
        if (separator >= 0)
        {
            var name = to[separator] == ',' ? "a comma" : "a semicolon";
            throw Invalid($"The recipient (to) must be exactly one email address, but it contains {name} (a list of recipients).");
        }

        if (to.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Invalid("The recipient address (to) must not contain whitespace, line breaks or control characters.");
        }

        if (!IsPlausibleAddress(to))
        {
            throw Invalid("The recipient (to) is not a valid email address (expected local-part@domain.tld).");
        }
    }

    public static void EnsureHeaderText(string what, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw Invalid($"The rendered {what} contains a line break (CR or LF), which a mail header cannot carry.");
        }
    }

    /// <summary>Counted in UTF-16 code units, as Aliyun's Java stack counts <c>String.length()</c> (unverified; stricter than code points).</summary>
    public static void EnsureSubjectLength(string subject)
    {
        if (subject.Length > MaxSubjectLength)
        {
            throw Invalid($"The rendered subject is {subject.Length} characters long; Aliyun Direct Mail accepts at most {MaxSubjectLength}.");
        }
    }

    private static bool IsPlausibleAddress(string address)
    {
        if (address.Length > MaxAddressLength || address.Count(c => c == '@') != 1)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = address[..at];
        var domain = address[(at + 1)..];
        return IsPlausibleLocalPart(local) && IsPlausibleDomain(domain);
    }

    private static bool IsPlausibleLocalPart(string local) =>
        local.Length is > 0 and <= MaxLocalPartLength
        && local[0] != '.' && local[^1] != '.'
        && !local.Contains("..", StringComparison.Ordinal)
        && local.AsSpan().IndexOfAny(LocalPartSpecials) < 0;

    // Letters, digits and hyphens per label (non-ASCII allowed for IDNs), at least two labels, no empty label.
    private static bool IsPlausibleDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c > '\u007F'));
    }

    private static ConnectorException Invalid(string message) => new(ConnectorErrorCode.InvalidRequestParameters, message);
}
