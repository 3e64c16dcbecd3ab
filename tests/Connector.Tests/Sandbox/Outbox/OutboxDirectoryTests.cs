using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Outbox;

/// <summary>The <c>&lt;EnvId&gt;.eml</c> and <c>&lt;EnvId&gt;.json</c> files, read back with independent decoding.</summary>
public sealed partial class OutboxDirectoryTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private readonly string directory = Path.Combine(Path.GetTempPath(), "sandbox-outbox-" + Guid.NewGuid().ToString("N"));
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() =>
        sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions { OutboxDirectory = directory });

    public async Task DisposeAsync()
    {
        await sandbox.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task An_accepted_message_is_written_as_eml_and_json_named_after_its_env_id()
    {
        using var response = await Client.SendMailAsync(sandbox);
        var envId = (await response.ReadJsonAsync()).Text("EnvId");

        Assert.Equal([envId + ".eml", envId + ".json"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, envId + ".json")));
        var message = sandbox.Outbox.Single();
        Assert.Equal(envId, json.RootElement.Text("envId"));
        Assert.Equal(message.Subject, json.RootElement.Text("subject"));
        Assert.Equal(message.HtmlBody, json.RootElement.Text("htmlBody"));
        Assert.Equal(message.RawBody, json.RootElement.Text("rawBody"));
        Assert.Equal(
            message.Parameters.Select(p => (p.Key, p.Value)),
            json.RootElement.GetProperty("parameters").EnumerateArray().Select(p => (p.Text("name"), p.Text("value"))));
    }

    [Fact]
    public async Task The_eml_is_an_rfc_5322_message_with_encoded_words_for_non_ascii_headers_and_a_utf8_html_body()
    {
        var subject = "您的验证码 — ваш код 123456, a long subject that has to be split across several encoded words";
        var business = SignedRequest.Business(to: "a@example.com,b@example.com", subject: subject);
        business["FromAlias"] = "Logto 团队";
        business["HtmlBody"] = "<p>验证码：<b>123456</b></p>\n<p>" + new string('x', 200) + " = end</p>";

        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(business));
        var envId = (await response.ReadJsonAsync()).Text("EnvId");
        var eml = await File.ReadAllTextAsync(Path.Combine(directory, envId + ".eml"), Encoding.ASCII);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotMatch("[^\r]\n", eml);
        Assert.All(eml.Split("\r\n"), line => Assert.True(line.Length <= 78, $"line too long: {line}"));
        var (headers, body) = Split(eml);
        Assert.Equal("Logto 团队 <noreply@example.com>", DecodeWords(headers["From"]));
        Assert.Equal("a@example.com, b@example.com", headers["To"]);
        Assert.Equal(subject, DecodeWords(headers["Subject"]));
        Assert.Matches(Rfc5322DatePattern(), headers["Date"]);
        Assert.Equal(
            sandbox.Outbox.Single().ReceivedAt.ToUnixTimeSeconds(),
            DateTimeOffset.ParseExact(headers["Date"][..^6], "ddd, dd MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds());
        Assert.Equal($"<{envId}@dm-sandbox.invalid>", headers["Message-ID"]);
        Assert.Equal("1.0", headers["MIME-Version"]);
        Assert.Equal("text/html; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("quoted-printable", headers["Content-Transfer-Encoding"]);
        Assert.Equal(business["HtmlBody"].Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n", DecodeQuotedPrintable(body));
    }

    [Fact]
    public async Task A_message_with_both_bodies_is_multipart_alternative_and_a_header_injection_attempt_stays_inside_the_subject()
    {
        var business = SignedRequest.Business(subject: "Hi\r\nBcc: spy@example.com");
        business["TextBody"] = "Your code is 123456";
        business["FromAlias"] = "Team \"Example\"";

        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(business));
        var envId = (await response.ReadJsonAsync()).Text("EnvId");
        var eml = await File.ReadAllTextAsync(Path.Combine(directory, envId + ".eml"), Encoding.ASCII);
        var (headers, body) = Split(eml);

        Assert.DoesNotContain("\r\nBcc:", eml, StringComparison.Ordinal);
        Assert.Equal("Hi\r\nBcc: spy@example.com", DecodeWords(headers["Subject"]));
        Assert.Equal("\"Team \\\"Example\\\"\" <noreply@example.com>", headers["From"]);
        var boundary = BoundaryPattern().Match(headers["Content-Type"]).Groups[1].Value;
        Assert.StartsWith("multipart/alternative;", headers["Content-Type"], StringComparison.Ordinal);
        var parts = body.Split("--" + boundary).Skip(1).SkipLast(1).Select(Split).ToList();
        Assert.Equal(["text/plain; charset=utf-8", "text/html; charset=utf-8"], parts.Select(p => p.Headers["Content-Type"]));
        Assert.Equal("Your code is 123456\r\n", DecodeQuotedPrintable(parts[0].Body));
        Assert.Equal("<p>Your code is 123456</p>\r\n", DecodeQuotedPrintable(parts[1].Body));
    }

    [Fact]
    public async Task An_accepted_sms_is_written_as_sms_json_named_after_its_biz_id_and_keeps_template_param_as_received()
    {
        const string templateParam = """{"code":"123456","name":"团队 \"x\""}""";
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(templateParam: templateParam)));
        var bizId = (await response.ReadJsonAsync()).Text("BizId");

        Assert.Equal([bizId + ".sms.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, bizId + ".sms.json")));
        var sms = Assert.Single(sandbox.SmsOutbox);
        Assert.Equal(
            (bizId, sms.RequestId, "13800138000", "SMS_154950909", templateParam, sms.RawBody),
            (json.RootElement.Text("bizId"), json.RootElement.Text("requestId"), json.RootElement.Text("phoneNumbers"),
                json.RootElement.Text("templateCode"), json.RootElement.Text("templateParam"), json.RootElement.Text("rawBody")));
    }

    [Fact]
    public async Task A_rejected_or_faulted_sms_writes_no_file()
    {
        using var rejected = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(templateParam: "[]")));
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.BusinessLimitControl, Count: 1));
        using var limited = await Client.SendSmsAsync(sandbox);

        Assert.Equal(
            ["isv.INVALID_JSON_PARAM", "isv.BUSINESS_LIMIT_CONTROL"],
            [(await rejected.ReadJsonAsync()).Text("Code"), (await limited.ReadJsonAsync()).Text("Code")]);
        Assert.Empty(Directory.GetFiles(directory));
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        entity = entity.TrimStart('\r', '\n');
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var unfolded = entity[..end].Replace("\r\n ", " ", StringComparison.Ordinal);
        var headers = unfolded.Split("\r\n").Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        return (headers, entity[(end + 4)..]);
    }

    /// <summary>Decodes "B" encoded-words; the whitespace between two adjacent words is not text (RFC 2047 §6.2).</summary>
    private static string DecodeWords(string value) =>
        EncodedWordPattern().Replace(
            BetweenWordsPattern().Replace(value, "?==?"),
            m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    private static string DecodeQuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("=\\?utf-8\\?B\\?([^?]*)\\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex("\\?=\\s+=\\?")]
    private static partial Regex BetweenWordsPattern();

    [GeneratedRegex(
        "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} " +
        "[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}$")]
    private static partial Regex Rfc5322DatePattern();

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex BoundaryPattern();
}
