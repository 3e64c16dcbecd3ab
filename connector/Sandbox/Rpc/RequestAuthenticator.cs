using System.Globalization;
using Logto.Connector.Aliyun;

namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>
/// The gateway's checks for an RPC "V1" request (HMAC-SHA1, SignatureVersion 1.0), in this order: common parameters present,
/// Action known and served in that Version, signature method, Timestamp format and ±15 min skew, AccessKeyId known, signature over every
/// parameter but Signature, nonce unused. The nonce is only spent by a request whose signature matched.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/signature-mechanism (doc 29442)
/// </summary>
/// <param name="versions">Action → the API version served for it (SingleSendMail → 2015-11-23, SendSms → 2017-05-25).</param>
internal sealed class RequestAuthenticator(
    IReadOnlyDictionary<string, string> credentials,
    IReadOnlyDictionary<string, string> versions,
    NonceRegistry nonces,
    TimeProvider timeProvider)
{
    /// <summary>
    /// The docs say 31 minutes for V1 but 15 for the gateway's InvalidTimeStamp.Expired; the stricter one wins.
    /// https://help.aliyun.com/document_detail/48054.html
    /// </summary>
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(15);

    private static readonly string[] Required =
        ["Action", "Version", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"];

    public AliyunError? Authenticate(string method, RequestParameters parameters)
    {
        foreach (var name in Required)
        {
            if (string.IsNullOrEmpty(parameters[name]))
            {
                return AliyunError.Missing(name);
            }
        }

        if (!versions.TryGetValue(parameters["Action"]!, out var version) || parameters["Version"] != version)
        {
            return AliyunError.ActionNotFound;
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1")
        {
            return AliyunError.InvalidSignatureMethod;
        }

        if (parameters["SignatureVersion"] != "1.0")
        {
            return AliyunError.IncompleteSignature;
        }

        if (!TryParseTimestamp(parameters["Timestamp"]!, out var timestamp))
        {
            return AliyunError.TimeStampFormat;
        }

        if ((timeProvider.GetUtcNow() - timestamp).Duration() > TimestampWindow)
        {
            return AliyunError.TimeStampExpired;
        }

        var accessKeyId = parameters["AccessKeyId"]!;
        if (!credentials.TryGetValue(accessKeyId, out var secret))
        {
            return AliyunError.AccessKeyNotFound;
        }

        var expected = RpcSignature.Sign(method, parameters.All, secret);
        if (!RpcSignature.Matches(expected, parameters["Signature"]!))
        {
            return AliyunError.SignatureDoesNotMatch;
        }

        return nonces.TryUse(accessKeyId, parameters["SignatureNonce"]!, timestamp + TimestampWindow)
            ? null
            : AliyunError.SignatureNonceUsed;
    }

    /// <summary>UTC ISO 8601 without fractions, <c>yyyy-MM-ddTHH:mm:ssZ</c>, as the common parameters prescribe.</summary>
    private static bool TryParseTimestamp(string value, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(
            value,
            "yyyy-MM-dd'T'HH:mm:ss'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out timestamp);
}
