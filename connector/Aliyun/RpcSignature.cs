using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Logto.Connector.Aliyun;

/// <summary>
/// Aliyun's RPC signature, <c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/signature-mechanism (doc 29442).
/// Built in one pass over one buffer: it runs on every send, and a string per escaped part was most of what a send allocated.
/// </summary>
public static class RpcSignature
{
    /// <summary>
    /// Aliyun's percent-encoding: UTF-8, <c>A-Za-z0-9-_.~</c> kept, the rest <c>%XY</c> in uppercase hex, space as <c>%20</c>.
    /// Since .NET 5 <see cref="Uri.EscapeDataString(string)"/> is exactly that (it also escapes <c>!'()*</c>, which Logto's
    /// escaper has to patch in by hand); <see cref="AppendEscaped"/> is the same rule without the intermediate strings.
    /// </summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>Every parameter but <c>Signature</c>, escaped, sorted by name in ordinal order, joined with <c>&amp;</c>.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        AppendCanonicalQuery(new StringBuilder(), parameters).ToString();

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        BuildStringToSign(method, parameters).ToString();

    /// <summary>Base64 of HMAC-SHA1 keyed with <c>secret + "&amp;"</c>; the key never leaves this method.</summary>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        var text = BuildStringToSign(method, parameters);
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        var message = ArrayPool<byte>.Shared.Rent(text.Length); // the string to sign is ASCII: one byte per char
        try
        {
            var length = 0;
            foreach (var chunk in text.GetChunks())
            {
                length += Encoding.ASCII.GetBytes(chunk.Span, message.AsSpan(length));
            }

            Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
            // HMAC-SHA1 is what Aliyun's V1 RPC signature specifies; it is not our choice of primitive.
#pragma warning disable CA5350
            HMACSHA1.HashData(key, message.AsSpan(0, length), mac);
#pragma warning restore CA5350
            return Convert.ToBase64String(mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    /// <summary>Constant-time comparison of two base64 signatures (for the sandbox's verifier).</summary>
    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    // method & escape("/") & escape(canonical query): the canonical query is escaped a second time, as the spec says.
    private static StringBuilder BuildStringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        var canonical = AppendCanonicalQuery(new StringBuilder(512), parameters);
        var text = new StringBuilder(method.Length + 8 + (canonical.Length * 5 / 4)).Append(method).Append("&%2F&");
        foreach (var chunk in canonical.GetChunks())
        {
            AppendEscaped(text, chunk.Span);
        }

        return text;
    }

    private static StringBuilder AppendCanonicalQuery(StringBuilder query, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sorted = parameters.Where(p => p.Key != "Signature").ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (name, value) in sorted)
        {
            if (query.Length > 0)
            {
                query.Append('&');
            }

            AppendEscaped(query, name);
            query.Append('=');
            AppendEscaped(query, value);
        }

        return query;
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
                continue;
            }

            // A surrogate pair is one scalar; a lone surrogate becomes U+FFFD, as in Uri.EscapeDataString.
            var scalar = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? new Rune(c, text[++i])
                : Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
            var count = scalar.EncodeToUtf8(utf8);
            foreach (var b in utf8[..count])
            {
                builder.Append('%').Append(Hex.Upper[b >> 4]).Append(Hex.Upper[b & 0xF]);
            }
        }
    }
}
