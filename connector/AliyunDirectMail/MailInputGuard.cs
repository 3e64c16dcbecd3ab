using System.Buffers;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Rejects input that Aliyun would misread or refuse, before anything is sent (<c>invalid_request_parameters</c>).
/// Messages never echo the address or the secret.
/// </summary>
internal static class MailInputGuard
{
    /// <summary>
    /// SingleSendMail subject limit (doc 29444: 100 characters, error InvalidSubject.Malformed; newer pages say 256, so the
    /// stricter one is enforced).
    /// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/api-dm-2015-11-23-singlesendmail
    /// </summary>
    public const int MaxSubjectLength = 100;

    /// <summary>
    /// FromAlias limit: "max 15 characters" (SDK models; doc 29444 says shorter than 15, error InvalidFromAlias.Malformed).
    /// </summary>
    public const int MaxFromAliasLength = 15;

    /// <summary>
    /// HtmlBody/TextBody: "SDK limit 80K" (doc 29444, SDK models); 80 KB is accepted whichever way a body travels. Rendering
    /// stops at this many characters; <see cref="EnsureBodySize"/> then holds the UTF-8 size to the same number of bytes.
    /// </summary>
    public const int MaxBodyLength = 80 * 1024;

    /// <summary>Where rendering a subject or alias stops; past their limits, but short enough to bound the work.</summary>
    public const int MaxHeaderRenderLength = 1024;

    private const int MaxLocalPartLength = 64;
    private const int MaxAddressLength = 254;
    private static readonly SearchValues<char> LocalPartSpecials = SearchValues.Create("\"(),:;<>[\\]");

    private static readonly SearchValues<char> HeaderControls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u061C', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
         '\u2066', '\u2067', '\u2068', '\u2069']);

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

    /// <summary>
    /// Header text carries no control character of any kind: C0 (CR and LF included) and DEL, C1, the line and paragraph
    /// separators, and the bidirectional controls that can make a sender or subject read differently from what it is.
    /// </summary>
    public static void EnsureHeaderText(string what, string value)
    {
        if (value.AsSpan().IndexOfAny(HeaderControls) >= 0)
        {
            throw Invalid(
                $"The rendered {what} contains a control character (a line break, C0/C1 control, U+2028/2029 or bidi control), " +
                "which a mail header must not carry.");
        }
    }

    public static void EnsureLength(string what, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw TooLong(what, maxLength);
        }
    }

    public static void EnsureBodySize(string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(body);
        if (bytes > MaxBodyLength)
        {
            throw Invalid($"The rendered body is {bytes} bytes in UTF-8; Aliyun Direct Mail accepts at most {MaxBodyLength}.");
        }
    }

    /// <summary>Lengths are UTF-16 code units, as Aliyun's Java stack counts <c>String.length()</c> (stricter than code points).</summary>
    public static ConnectorException TooLong(string what, int maxLength) =>
        Invalid($"The rendered {what} is longer than {maxLength} characters, the most Aliyun Direct Mail accepts.");

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
