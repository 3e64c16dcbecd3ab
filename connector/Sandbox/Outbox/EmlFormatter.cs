using System.Globalization;
using System.Text;

namespace Logto.Connector.AliyunSandbox.Outbox;

/// <summary>
/// Renders an accepted message as an RFC 5322 / MIME message, pure ASCII with CRLF line ends: non-ASCII (or control)
/// header text as RFC 2047 "B" encoded-words, bodies as UTF-8 quoted-printable; both bodies → multipart/alternative.
/// </summary>
internal static class EmlFormatter
{
    private const int MaxLine = 76;

    // "=?utf-8?B?" + base64 + "?=": RFC 2047 caps a word at 75 characters; 45 bytes of UTF-8 make 60 base64 characters.
    private const int EncodedWordOverhead = 12;
    private const int MaxEncodedWordBytes = 45;

    public static string Format(SandboxMessage message)
    {
        var eml = new StringBuilder();
        Header(eml, "From", Mailbox(message.FromAlias, message.AccountName));
        Header(eml, "To", AddressList(message.ToAddress));
        Header(eml, "Subject", Unstructured(message.Subject, "Subject: ".Length));
        Header(
            eml, "Date", message.ReceivedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(eml, "Message-ID", $"<{message.EnvId}@dm-sandbox.invalid>");
        Header(eml, "X-Sandbox-Request-Id", message.RequestId);
        Header(eml, "MIME-Version", "1.0");

        if (!string.IsNullOrEmpty(message.HtmlBody) && !string.IsNullOrEmpty(message.TextBody))
        {
            var boundary = "=_sandbox_" + message.EnvId;
            Header(eml, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
            eml.Append("\r\n");
            eml.Append("--").Append(boundary).Append("\r\n");
            Part(eml, "text/plain", message.TextBody);
            eml.Append("--").Append(boundary).Append("\r\n");
            Part(eml, "text/html", message.HtmlBody);
            eml.Append("--").Append(boundary).Append("--\r\n");
        }
        else if (!string.IsNullOrEmpty(message.HtmlBody))
        {
            Part(eml, "text/html", message.HtmlBody);
        }
        else
        {
            Part(eml, "text/plain", message.TextBody ?? "");
        }

        return eml.ToString();
    }

    private static void Part(StringBuilder eml, string mediaType, string body)
    {
        Header(eml, "Content-Type", mediaType + "; charset=utf-8");
        Header(eml, "Content-Transfer-Encoding", "quoted-printable");
        eml.Append("\r\n").Append(QuotedPrintable(body));
    }

    private static void Header(StringBuilder eml, string name, string value) =>
        eml.Append(name).Append(": ").Append(value).Append("\r\n");

    private static string Mailbox(string? alias, string address)
    {
        if (string.IsNullOrEmpty(alias))
        {
            return address;
        }

        if (NeedsEncoding(alias))
        {
            return Unstructured(alias, "From: ".Length) + " <" + address + ">";
        }

        var isAtomText = alias.All(
            c => char.IsAsciiLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal));
        var phrase = isAtomText
            ? alias
            : "\"" + alias.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return phrase + " <" + address + ">";
    }

    /// <summary>"a@x, b@y, …", folded so that no line runs past 76 characters when it can be helped.</summary>
    private static string AddressList(string toAddress)
    {
        var folded = new StringBuilder();
        var lineLength = "To: ".Length;
        foreach (var address in toAddress.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (folded.Length > 0)
            {
                folded.Append(',');
                lineLength++;
                if (lineLength + 1 + address.Length > MaxLine)
                {
                    folded.Append("\r\n");
                    lineLength = 0;
                }

                folded.Append(' ');
                lineLength++;
            }

            folded.Append(address);
            lineLength += address.Length;
        }

        return folded.ToString();
    }

    private static bool NeedsEncoding(string text) =>
        text.Any(c => c is < ' ' or > '~') || text.Contains("=?", StringComparison.Ordinal);

    /// <summary>
    /// The text as is when it is plain printable ASCII, else encoded-words (split between characters, never inside one)
    /// folded onto continuation lines; the first word is shorter so that it fits after the header name.
    /// </summary>
    private static string Unstructured(string text, int firstLineUsed)
    {
        if (!NeedsEncoding(text))
        {
            return text;
        }

        var words = new List<string>();
        var chunk = new List<byte>(MaxEncodedWordBytes);
        var budget = Math.Min(MaxEncodedWordBytes, (MaxLine - firstLineUsed - EncodedWordOverhead) / 4 * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(utf8);
            if (chunk.Count + length > budget)
            {
                words.Add(EncodedWord(chunk));
                chunk.Clear();
                budget = MaxEncodedWordBytes;
            }

            chunk.AddRange(utf8[..length]);
        }

        words.Add(EncodedWord(chunk));
        return string.Join("\r\n ", words);
    }

    private static string EncodedWord(List<byte> bytes) => "=?utf-8?B?" + Convert.ToBase64String([.. bytes]) + "?=";

    /// <summary>RFC 2045 §6.7 over UTF-8: line breaks become CRLF, lines are soft-broken at 76 characters.</summary>
    private static string QuotedPrintable(string text)
    {
        var encoded = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var lineLength = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && i < bytes.Length - 1);
                var token = literal ? ((char)b).ToString() : "=" + b.ToString("X2", CultureInfo.InvariantCulture);
                if (lineLength + token.Length > MaxLine - 1)
                {
                    encoded.Append("=\r\n");
                    lineLength = 0;
                }

                encoded.Append(token);
                lineLength += token.Length;
            }

            encoded.Append("\r\n");
        }

        return encoded.ToString();
    }
}
