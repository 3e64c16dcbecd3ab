using System.Security.Cryptography;
using System.Text;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Aliyun's RPC signature, <c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/signature-mechanism (doc 29442).
/// </summary>
public static class RpcSignature
{
    /// <summary>
    /// Aliyun's percent-encoding: UTF-8, <c>A-Za-z0-9-_.~</c> kept, the rest <c>%XY</c> in uppercase hex, space as <c>%20</c>.
    /// Since .NET 5 <see cref="Uri.EscapeDataString(string)"/> is exactly that (it also escapes <c>!'()*</c>, which Logto's
    /// escaper has to patch in by hand).
    /// </summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>Every parameter but <c>Signature</c>, escaped, sorted by name in ordinal order, joined with <c>&amp;</c>.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var pairs = parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Escape(p.Key) + "=" + Escape(p.Value));
        return string.Join('&', pairs);
    }

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method + "&" + Escape("/") + "&" + Escape(CanonicalQuery(parameters));

    /// <summary>Base64 of HMAC-SHA1 keyed with <c>secret + "&amp;"</c>; the key never leaves this method.</summary>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        try
        {
            // HMAC-SHA1 is what Aliyun's V1 RPC signature specifies; it is not our choice of primitive.
#pragma warning disable CA5350
            var mac = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(StringToSign(method, parameters)));
#pragma warning restore CA5350
            return Convert.ToBase64String(mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Constant-time comparison of two base64 signatures (for the sandbox's verifier).</summary>
    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
