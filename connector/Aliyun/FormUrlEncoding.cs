using System.Buffers;
using System.Text;

namespace Logto.Connector.Aliyun;

/// <summary>
/// The WHATWG <c>application/x-www-form-urlencoded</c> serializer, i.e. Node's <c>URLSearchParams.toString()</c>, which got's
/// <c>form:</c> option uses for the official connector: UTF-8, <c>A-Za-z0-9*-._</c> kept, space as <c>+</c>, the rest <c>%XX</c>
/// upper-case. https://url.spec.whatwg.org/#concept-urlencoded-serializer
/// (<c>FormUrlEncodedContent</c> differs: it escapes <c>*</c> and keeps <c>~</c>.)
/// </summary>
public static class FormUrlEncoding
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var builder = new StringBuilder(1024);
        foreach (var (name, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            AppendEncoded(builder, name);
            builder.Append('=');
            AppendEncoded(builder, value);
        }

        return builder.ToString();
    }

    private static void AppendEncoded(StringBuilder builder, string text)
    {
        // Encoding.UTF8 turns a lone surrogate into U+FFFD, as the spec's "convert to a scalar value string" does.
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var utf8 = rented is null ? stackalloc byte[512] : rented;
        try
        {
            foreach (var b in utf8[..Encoding.UTF8.GetBytes(text, utf8)])
            {
                if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
                {
                    builder.Append((char)b);
                }
                else if (b == ' ')
                {
                    builder.Append('+');
                }
                else
                {
                    builder.Append('%').Append(Hex.Upper[b >> 4]).Append(Hex.Upper[b & 0xF]);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
