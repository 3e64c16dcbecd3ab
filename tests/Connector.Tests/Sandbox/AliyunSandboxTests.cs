using System.Net;
using System.Text;
using System.Text.Json;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.Aliyun;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox;

public sealed class AliyunSandboxTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public void Endpoint_is_an_ephemeral_port_on_the_loopback_address()
    {
        Assert.Equal("127.0.0.1", sandbox.Endpoint.Host);
        Assert.NotEqual(0, sandbox.Endpoint.Port);
        Assert.Equal("/", sandbox.Endpoint.AbsolutePath);
    }

    [Fact]
    public async Task A_correctly_signed_request_is_answered_like_aliyun_and_lands_in_the_outbox()
    {
        var parameters = SignedRequest.Sign(SignedRequest.Business());

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["EnvId", "RequestId"], body.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9]{15,}$", body.Text("EnvId"));
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", body.Text("RequestId"));

        var message = Assert.Single(sandbox.Outbox);
        Assert.Equal(body.Text("EnvId"), message.EnvId);
        Assert.Equal(body.Text("RequestId"), message.RequestId);
        Assert.Equal(SignedRequest.AccessKeyId, message.AccessKeyId);
        Assert.Equal("noreply@example.com", message.AccountName);
        Assert.Equal("user@example.com", message.ToAddress);
        Assert.Equal("Example", message.FromAlias);
        Assert.Equal("Verification code", message.Subject);
        Assert.Equal("<p>Your code is 123456</p>", message.HtmlBody);
        Assert.Null(message.TextBody);
        Assert.Equal("cn-hangzhou", message.RegionId);
        Assert.Equal(parameters, message.Parameters);
        Assert.Equal(await new FormUrlEncodedContent(parameters).ReadAsStringAsync(), message.RawBody);
        Assert.Equal(
            [new SandboxExchange("accepted", 200, Assert.Single(sandbox.Exchanges).At) { Action = "SingleSendMail" }], sandbox.Exchanges);
    }

    [Fact]
    public async Task The_official_connectors_captured_request_is_accepted_byte_for_byte()
    {
        // Logto's @logto/connector-aliyun-dm 1.6.1 request as captured from the real package, keys testid/testsecret.
        const string capturedBody =
            "Action=SingleSendMail&Format=json&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&Version=2015-11-23&AccessKeyId=testid&AccountName=noreply%40mail.example.com&ReplyToAddress=false&AddressType=1&ToAddress=user%40example.com&FromAlias=Example&Subject=Generic+code+000000&HtmlBody=%3Cp%3EYour+Generic+code+is+%3Cb%3E000000%3C%2Fb%3E+for+My+App+%28%7B%7BunknownRoot.x%7D%7D%29%3C%2Fp%3E&RegionId=cn-hangzhou&SignatureNonce=2c987e1c-cff3-4b8b-b360-8c9504c94c84&Timestamp=2026-11-29T19%3A04%3A37Z&Signature=Y41p48%2Fccryv%2FYVS6OUExcFNMBk%3D";
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-29T19:05:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions
        {
            Credentials = new Dictionary<string, string> { ["testid"] = "testsecret" },
            TimeProvider = clock,
        });
        using var content = new StringContent(capturedBody, Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Client.PostAsync(sandbox.Endpoint, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(sandbox.Outbox);
        Assert.Equal("Generic code 000000", message.Subject);
        Assert.Equal("<p>Your Generic code is <b>000000</b> for My App ({{unknownRoot.x}})</p>", message.HtmlBody);
        Assert.Equal(capturedBody, message.RawBody);
        Assert.Equal(clock.Now, message.ReceivedAt);
    }

    [Fact]
    public async Task The_published_project_fixture_is_accepted_while_the_sandbox_clock_is_within_15_minutes_of_it()
    {
        // The published signature fixture as a POST, testid/testsecret ⇒ EuohYxqXh+t6WYKF4P5FXUDDKcE=.
        var fixture = new List<KeyValuePair<string, string>>
        {
            new("AccessKeyId", "testid"), new("AccountName", "noreply@example.com"), new("Action", "SingleSendMail"),
            new("AddressType", "1"), new("Format", "JSON"), new("HtmlBody", "<p>Your code is 123456</p>"),
            new("RegionId", "cn-hangzhou"), new("ReplyToAddress", "false"), new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"), new("SignatureVersion", "1.0"),
            new("Subject", "Verification code"), new("Timestamp", "2023-10-26T10:22:32Z"), new("ToAddress", "user@example.com"),
            new("Version", "2015-11-23"), new("Signature", "EuohYxqXh+t6WYKF4P5FXUDDKcE="),
        };
        var clock = new ManualClock(DateTimeOffset.Parse("2023-10-26T10:37:32Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions
        {
            Credentials = new Dictionary<string, string> { ["testid"] = "testsecret" },
            TimeProvider = clock,
        });

        using var accepted = await Client.PostAsync(sandbox.Endpoint, fixture);
        clock.Now = clock.Now.AddSeconds(1);
        using var expired = await Client.PostAsync(sandbox.Endpoint, fixture.With("SignatureNonce", "another"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("InvalidTimeStamp.Expired", (await expired.ReadJsonAsync()).Text("Code"));
    }

    [Fact]
    public async Task A_get_request_with_every_parameter_in_the_query_is_accepted()
    {
        var query = await new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business(), method: "GET")).ReadAsStringAsync();

        using var response = await Client.GetAsync(new Uri(sandbox.Endpoint, "?" + query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", Assert.Single(sandbox.Outbox).RawBody);
    }

    [Fact]
    public async Task Common_parameters_in_the_query_and_business_ones_in_the_form_are_verified_together_like_the_sdk_sends_them()
    {
        var signed = SignedRequest.Sign(SignedRequest.Business());
        var business = SignedRequest.Business().Keys.ToHashSet();
        var query = await new FormUrlEncodedContent(signed.Where(p => !business.Contains(p.Key))).ReadAsStringAsync();

        using var response = await Client.PostAsync(new Uri(sandbox.Endpoint, "?" + query), signed.Where(p => business.Contains(p.Key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Verification code", Assert.Single(sandbox.Outbox).Subject);
    }

    [Fact]
    public async Task Without_format_json_the_answer_is_aliyuns_default_xml()
    {
        var parameters = SignedRequest.Sign(SignedRequest.Business()).Where(p => p.Key is not ("Format" or "Signature")).ToList();
        parameters.Add(new("Signature", RpcSignature.Sign("POST", parameters, SignedRequest.Secret)));

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SingleSendMailResponse", xml.Root!.Name.LocalName);
        Assert.Equal(Assert.Single(sandbox.Outbox).EnvId, xml.Root.Element("EnvId")!.Value);
    }

    [Fact]
    public async Task Wait_for_message_returns_a_message_that_arrived_before_the_wait_then_the_next_one()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var first = await Client.SendMailAsync(sandbox);

        var firstMessage = await sandbox.WaitForMessageAsync(timeout.Token);
        var secondWait = sandbox.WaitForMessageAsync(timeout.Token);
        Assert.False(secondWait.IsCompleted);
        using var second = await Client.SendMailAsync(sandbox);
        var secondMessage = await secondWait;

        Assert.Equal((await first.ReadJsonAsync()).Text("EnvId"), firstMessage.EnvId);
        Assert.Equal((await second.ReadJsonAsync()).Text("EnvId"), secondMessage.EnvId);
    }

    [Fact]
    public async Task Clear_outbox_empties_the_outbox_but_keeps_the_exchanges()
    {
        using var response = await Client.SendMailAsync(sandbox);

        sandbox.ClearOutbox();

        Assert.Empty(sandbox.Outbox);
        Assert.Single(sandbox.Exchanges);
    }

    [Fact]
    public async Task The_secret_never_appears_in_answers_outbox_files_exchanges_logs_or_options()
    {
        const string secret = "a-very-distinctive-secret-value";
        var directory = Directory.CreateTempSubdirectory("sandbox-secret-").FullName;
        var logger = new ListLogger();
        var options = new AliyunSandboxOptions
        {
            Credentials = new Dictionary<string, string> { ["key-id"] = secret },
            OutboxDirectory = directory,
            Logger = logger,
        };
        var seen = new StringBuilder(options.ToString());
        try
        {
            await using (var sandbox = await AliyunSandbox.StartAsync(options))
            {
                foreach (var parameters in new[]
                {
                    SignedRequest.Sign(SignedRequest.Business(), accessKeyId: "key-id", secret: secret),
                    SignedRequest.Sign(SignedRequest.Business(), accessKeyId: "key-id", secret: "wrong"),
                    SignedRequest.Sign(SignedRequest.Business(subject: ""), accessKeyId: "key-id", secret: secret),
                })
                {
                    using var response = await Client.PostAsync(sandbox.Endpoint, parameters);
                    seen.Append(await response.Content.ReadAsStringAsync()).Append(response.Headers);
                }

                seen.Append(await Client.GetStringAsync(new Uri(sandbox.Endpoint, "/_sandbox/outbox")));
                seen.Append(await Client.GetStringAsync(new Uri(sandbox.Endpoint, "/_sandbox/exchanges")));
                seen.Append(JsonSerializer.Serialize(sandbox.Outbox)).Append(JsonSerializer.Serialize(sandbox.Exchanges));
            }

            foreach (var file in Directory.GetFiles(directory))
            {
                seen.Append(await File.ReadAllTextAsync(file));
            }

            seen.AppendJoin('\n', logger.Lines);
            Assert.Equal(2, Directory.GetFiles(directory).Length);
            Assert.Contains("SignatureDoesNotMatch", seen.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, seen.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
