using Logto.Connector.Aliyun;
using System.Globalization;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunDirectMail.Sandbox;

namespace Connector.Tests.Sandbox.Support;

/// <summary>Builds SingleSendMail parameters the way Logto's connector does, signed with the real <see cref="RpcSignature"/>.</summary>
internal static class SignedRequest
{
    public const string AccessKeyId = DirectMailSandboxOptions.DefaultAccessKeyId;
    public const string Secret = DirectMailSandboxOptions.DefaultAccessKeySecret;

    public static Dictionary<string, string> Business(string to = "user@example.com", string subject = "Verification code") => new()
    {
        ["AccountName"] = "noreply@example.com",
        ["ReplyToAddress"] = "false",
        ["AddressType"] = "1",
        ["ToAddress"] = to,
        ["FromAlias"] = "Example",
        ["Subject"] = subject,
        ["HtmlBody"] = "<p>Your code is 123456</p>",
        ["RegionId"] = "cn-hangzhou",
    };

    /// <summary>The business parameters plus the common ones, a fresh nonce, the current time, and the Signature.</summary>
    public static List<KeyValuePair<string, string>> Sign(
        IReadOnlyDictionary<string, string> business,
        string method = "POST",
        string accessKeyId = AccessKeyId,
        string secret = Secret,
        DateTimeOffset? timestamp = null,
        string? nonce = null)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "SingleSendMail"),
            new("Format", "json"),
            new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureVersion", "1.0"),
            new("Version", "2015-11-23"),
            new("AccessKeyId", accessKeyId),
        };
        parameters.AddRange(business);
        parameters.Add(new("SignatureNonce", nonce ?? Guid.NewGuid().ToString()));
        parameters.Add(new("Timestamp", Timestamp(timestamp ?? DateTimeOffset.UtcNow)));
        parameters.Add(new("Signature", RpcSignature.Sign(method, parameters, secret)));
        return parameters;
    }

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> parameters, string name, string value) =>
        [.. parameters.Select(p => p.Key == name ? new KeyValuePair<string, string>(name, value) : p)];

    public static async Task<HttpResponseMessage> PostAsync(
        this HttpClient client, Uri endpoint, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent(parameters);
        return await client.PostAsync(endpoint, form, cancellationToken);
    }

    public static Task<HttpResponseMessage> SendMailAsync(this HttpClient client, DirectMailSandbox sandbox, CancellationToken cancellationToken = default) =>
        client.PostAsync(sandbox.Endpoint, Sign(Business()), cancellationToken);
}
