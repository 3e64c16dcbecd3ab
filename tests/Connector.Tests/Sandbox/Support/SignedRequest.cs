using System.Globalization;
using Logto.Connector.Aliyun;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Support;

/// <summary>
/// Builds SingleSendMail and SendSms parameters the way Logto's connectors do, signed with the real <see cref="RpcSignature"/>.
/// </summary>
internal static class SignedRequest
{
    public const string AccessKeyId = AliyunSandboxOptions.DefaultAccessKeyId;
    public const string Secret = AliyunSandboxOptions.DefaultAccessKeySecret;

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

    /// <summary>SendSms's business parameters as Logto's Aliyun SMS connector sends them (without the common ones).</summary>
    public static Dictionary<string, string> SmsBusiness(
        string phoneNumbers = "13800138000", string? templateParam = """{"code":"123456"}""")
    {
        var business = new Dictionary<string, string>
        {
            ["RegionId"] = "cn-hangzhou",
            ["PhoneNumbers"] = phoneNumbers,
            ["SignName"] = "阿里云短信测试",
            ["TemplateCode"] = "SMS_154950909",
        };
        if (templateParam is not null)
        {
            business["TemplateParam"] = templateParam;
        }

        return business;
    }

    /// <summary>The business parameters plus the common ones, a fresh nonce, the current time, and the Signature.</summary>
    public static List<KeyValuePair<string, string>> Sign(
        IReadOnlyDictionary<string, string> business,
        string method = "POST",
        string accessKeyId = AccessKeyId,
        string secret = Secret,
        DateTimeOffset? timestamp = null,
        string? nonce = null,
        string action = "SingleSendMail",
        string version = "2015-11-23")
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", action),
            new("Format", "json"),
            new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureVersion", "1.0"),
            new("Version", version),
            new("AccessKeyId", accessKeyId),
        };
        parameters.AddRange(business);
        parameters.Add(new("SignatureNonce", nonce ?? Guid.NewGuid().ToString()));
        parameters.Add(new("Timestamp", Timestamp(timestamp ?? DateTimeOffset.UtcNow)));
        parameters.Add(new("Signature", RpcSignature.Sign(method, parameters, secret)));
        return parameters;
    }

    /// <summary><see cref="Sign"/> for SendSms (Action SendSms, Version 2017-05-25).</summary>
    public static List<KeyValuePair<string, string>> SignSms(
        IReadOnlyDictionary<string, string> business,
        string method = "POST",
        string secret = Secret,
        DateTimeOffset? timestamp = null,
        string? nonce = null,
        string version = "2017-05-25") =>
        Sign(business, method, secret: secret, timestamp: timestamp, nonce: nonce, action: "SendSms", version: version);

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> parameters, string name, string value) =>
        [.. parameters.Select(p => p.Key == name ? new KeyValuePair<string, string>(name, value) : p)];

    public static async Task<HttpResponseMessage> PostAsync(
        this HttpClient client,
        Uri endpoint,
        IEnumerable<KeyValuePair<string, string>> parameters,
        CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent(parameters);
        return await client.PostAsync(endpoint, form, cancellationToken);
    }

    public static Task<HttpResponseMessage> SendMailAsync(
        this HttpClient client, AliyunSandbox sandbox, CancellationToken cancellationToken = default) =>
        client.PostAsync(sandbox.Endpoint, Sign(Business()), cancellationToken);

    public static Task<HttpResponseMessage> SendSmsAsync(
        this HttpClient client, AliyunSandbox sandbox, CancellationToken cancellationToken = default) =>
        client.PostAsync(sandbox.Endpoint, SignSms(SmsBusiness()), cancellationToken);
}
