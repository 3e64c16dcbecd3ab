using System.Net;
using System.Text;
using System.Text.Json;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.Aliyun;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Sms;

/// <summary>SendSms over real HTTP: the gateway checks, the business checks, Aliyun's answer shapes and the SMS outbox.</summary>
public sealed class SendSmsTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_correctly_signed_send_sms_is_answered_like_aliyun_and_lands_in_the_sms_outbox()
    {
        var parameters = SignedRequest.SignSms(SignedRequest.SmsBusiness());

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["Message", "RequestId", "Code", "BizId"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("OK", "OK"), (body.Text("Message"), body.Text("Code")));
        Assert.Matches(@"^[0-9]{18}\^0$", body.Text("BizId"));
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", body.Text("RequestId"));

        var sms = Assert.Single(sandbox.SmsOutbox);
        Assert.Equal(
            (body.Text("BizId"), body.Text("RequestId"), SignedRequest.AccessKeyId,
                "13800138000", "阿里云短信测试", "SMS_154950909", """{"code":"123456"}"""),
            (sms.BizId, sms.RequestId, sms.AccessKeyId,
                sms.PhoneNumbers, sms.SignName, sms.TemplateCode, sms.TemplateParam));
        Assert.Equal(parameters, sms.Parameters);
        Assert.Equal(await new FormUrlEncodedContent(parameters).ReadAsStringAsync(), sms.RawBody);
        Assert.Empty(sandbox.Outbox);
        Assert.Equal([new SandboxExchange("accepted", 200, Assert.Single(sandbox.Exchanges).At) { Action = "SendSms" }], sandbox.Exchanges);
    }

    [Fact]
    public async Task The_official_connectors_captured_request_is_accepted_byte_for_byte()
    {
        // @logto/connector-aliyun-sms 1.5.5 sendMessage({to: "13800138000", type: "Generic", payload: {code: "000000", locale: "en",
        // note: "a \"quote\" \u2028 团队"}}) with the default sandbox credentials, as it reached the sandbox.
        const string capturedBody =
            "Action=SendSms&Format=json&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&Version=2017-05-25&AccessKeyId=sandbox-access-key-id&PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&TemplateCode=SMS_CN&TemplateParam=%7B%22code%22%3A%22000000%22%2C%22note%22%3A%22a+%5C%22quote%5C%22+%E2%80%A8+%E5%9B%A2%E9%98%9F%22%7D&SignatureNonce=66e32d22-c264-42bf-9b5e-59dd8d1c852b&Timestamp=2026-12-04T14%3A08%3A24Z&Signature=JrKz77aFu%2BgVcZVRrpvrQfArOHw%3D";
        var clock = new ManualClock(DateTimeOffset.Parse("2026-12-04T14:08:25Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions { TimeProvider = clock });
        using var content = new StringContent(capturedBody, Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Client.PostAsync(sandbox.Endpoint, content);

        Assert.Equal("OK", (await response.ReadJsonAsync()).Text("Code"));
        var sms = Assert.Single(sandbox.SmsOutbox);
        Assert.Equal(("13800138000", "阿里云短信测试", "SMS_CN"), (sms.PhoneNumbers, sms.SignName, sms.TemplateCode));
        Assert.Equal("{\"code\":\"000000\",\"note\":\"a \\\"quote\\\" \u2028 团队\"}", sms.TemplateParam);
        Assert.Equal(capturedBody, sms.RawBody);
    }

    [Fact]
    public async Task A_get_with_every_parameter_in_the_query_is_accepted()
    {
        var query = await new FormUrlEncodedContent(SignedRequest.SignSms(SignedRequest.SmsBusiness(), method: "GET")).ReadAsStringAsync();

        using var response = await Client.GetAsync(new Uri(sandbox.Endpoint, "?" + query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", Assert.Single(sandbox.SmsOutbox).RawBody);
    }

    [Fact]
    public async Task Without_format_json_the_answer_is_send_sms_response_xml()
    {
        var parameters = SignedRequest.SignSms(SignedRequest.SmsBusiness()).Where(p => p.Key is not ("Format" or "Signature")).ToList();
        parameters.Add(new("Signature", RpcSignature.Sign("POST", parameters, SignedRequest.Secret)));

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SendSmsResponse", xml.Root!.Name.LocalName);
        Assert.Equal(["Message", "RequestId", "Code", "BizId"], xml.Root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(Assert.Single(sandbox.SmsOutbox).BizId, xml.Root.Element("BizId")!.Value);
    }

    [Fact]
    public async Task Template_param_is_kept_as_the_raw_text_received()
    {
        const string templateParam = "{\"code\":\"12\\\"3\",\"name\":\"团队 \u2028\",\"esc\":\"\\u000b\"}";

        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(templateParam: templateParam)));

        Assert.Equal("OK", (await response.ReadJsonAsync()).Text("Code"));
        Assert.Equal(templateParam, Assert.Single(sandbox.SmsOutbox).TemplateParam);
    }

    [Fact]
    public async Task A_send_without_template_param_is_accepted_and_recorded_with_none()
    {
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(templateParam: null)));

        Assert.Equal("OK", (await response.ReadJsonAsync()).Text("Code"));
        Assert.Null(Assert.Single(sandbox.SmsOutbox).TemplateParam);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""["123456"]""")]
    [InlineData("\"123456\"")]
    [InlineData("""{"code":123456}""")]
    [InlineData("""{"code":null}""")]
    [InlineData("""{"code":true}""")]
    [InlineData("""{"code":{"value":"123456"}}""")]
    [InlineData("""{"code":["1"]}""")]
    [InlineData("""{"code":"1"} trailing""")]
    public async Task Template_param_that_is_not_an_object_of_strings_is_a_business_rejection_at_http_200(string templateParam)
    {
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(templateParam: templateParam)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["Message", "RequestId", "Code"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值"), (body.Text("Code"), body.Text("Message")));
        AssertNothingSent("rejected:isv.INVALID_JSON_PARAM", 200);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"code":"123456","product":"Logto","7":"x"}""")]
    public async Task Template_param_objects_of_strings_are_accepted(string templateParam)
    {
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(templateParam: templateParam)));

        Assert.Equal("OK", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Theory]
    [InlineData("PhoneNumbers")]
    [InlineData("SignName")]
    [InlineData("TemplateCode")]
    public async Task A_missing_required_parameter_is_a_gateway_error(string name)
    {
        var business = SignedRequest.SmsBusiness();
        business.Remove(name);

        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(business));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["RequestId", "HostId", "Code", "Message", "Recommend"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Missing" + name, body.Text("Code"));
        Assert.Contains("product=Dysmsapi", body.Text("Recommend"), StringComparison.Ordinal);
        AssertNothingSent("rejected:Missing" + name, 400);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+8613800138000")]
    [InlineData("008613800138000")]
    [InlineData("85200001234")]
    [InlineData("13800138000,13900139000,+14155550123")]
    public async Task Phone_numbers_one_or_several_comma_separated_are_accepted(string phoneNumbers)
    {
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(phoneNumbers)));

        Assert.Equal("OK", (await response.ReadJsonAsync()).Text("Code"));
        Assert.Equal(phoneNumbers, Assert.Single(sandbox.SmsOutbox).PhoneNumbers);
    }

    [Theory]
    [InlineData("+86 13800138000")]
    [InlineData("138-0013-8000")]
    [InlineData("１３８００１３８０００")]
    [InlineData("13800138000,")]
    [InlineData("user@example.com")]
    [InlineData("1234")]
    public async Task A_malformed_phone_number_is_mobile_number_illegal_at_http_200(string phoneNumbers)
    {
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(phoneNumbers)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("isv.MOBILE_NUMBER_ILLEGAL", (await response.ReadJsonAsync()).Text("Code"));
        AssertNothingSent("rejected:isv.MOBILE_NUMBER_ILLEGAL", 200);
    }

    [Fact]
    public async Task A_thousand_numbers_are_accepted_and_one_more_is_mobile_count_over_limit()
    {
        var thousand = string.Join(
            ',', Enumerable.Range(0, 1000).Select(i => (13800000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var accepted = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(thousand)));
        using var refused = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(thousand + ",13900000000")));

        Assert.Equal("OK", (await accepted.ReadJsonAsync()).Text("Code"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("isv.MOBILE_COUNT_OVER_LIMIT", (await refused.ReadJsonAsync()).Text("Code"));
        Assert.Single(sandbox.SmsOutbox);
    }

    [Fact]
    public async Task A_wrong_signature_is_signature_does_not_match()
    {
        var tampered = SignedRequest.SignSms(SignedRequest.SmsBusiness()).With("PhoneNumbers", "13900139000");

        using var response = await Client.PostAsync(sandbox.Endpoint, tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", (await response.ReadJsonAsync()).Text("Code"));
        AssertNothingSent("rejected:SignatureDoesNotMatch", 400);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_signature_does_not_match()
    {
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(), secret: "not-the-secret"));

        Assert.Equal("SignatureDoesNotMatch", (await response.ReadJsonAsync()).Text("Code"));
        Assert.Empty(sandbox.SmsOutbox);
    }

    [Fact]
    public async Task A_reused_nonce_is_rejected_even_with_a_fresh_timestamp_and_signature()
    {
        var nonce = Guid.NewGuid().ToString();
        using var first = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(), nonce: nonce));

        using var replay = await Client.PostAsync(
            sandbox.Endpoint,
            SignedRequest.SignSms(SignedRequest.SmsBusiness(), nonce: nonce, timestamp: DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("SignatureNonceUsed", (await replay.ReadJsonAsync()).Text("Code"));
        Assert.Single(sandbox.SmsOutbox);
    }

    [Fact]
    public async Task A_nonce_spent_on_a_mail_cannot_be_spent_again_on_an_sms()
    {
        var nonce = Guid.NewGuid().ToString();
        using var mail = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), nonce: nonce));

        using var sms = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(), nonce: nonce));

        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        Assert.Equal("SignatureNonceUsed", (await sms.ReadJsonAsync()).Text("Code"));
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task A_timestamp_more_than_15_minutes_off_is_expired(int minutes)
    {
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(), timestamp: DateTimeOffset.UtcNow.AddMinutes(minutes)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidTimeStamp.Expired", (await response.ReadJsonAsync()).Text("Code"));
        AssertNothingSent("rejected:InvalidTimeStamp.Expired", 400);
    }

    [Theory]
    [InlineData("2015-11-23")]
    [InlineData("2018-05-01")]
    public async Task Send_sms_in_another_version_is_an_unknown_api(string version)
    {
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(), version: version));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("InvalidAction.NotFound", (await response.ReadJsonAsync()).Text("Code"));
        AssertNothingSent("rejected:InvalidAction.NotFound", 404);
    }

    [Theory]
    [InlineData("SendBatchSms")]
    [InlineData("sendsms")]
    [InlineData("QuerySendDetails")]
    public async Task An_unknown_action_is_invalid_action_not_found_in_the_gateway_shape(string action)
    {
        var parameters = SignedRequest.Sign(SignedRequest.SmsBusiness(), action: action, version: "2017-05-25");

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["RequestId", "HostId", "Code", "Message", "Recommend"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("InvalidAction.NotFound", body.Text("Code"));
        Assert.Equal("Specified api is not found, please check your url and method.", body.Text("Message"));
        Assert.Empty(sandbox.Outbox);
        var exchange = Assert.Single(sandbox.Exchanges);
        Assert.Equal(("rejected:InvalidAction.NotFound", (int?)404, (string?)null), (exchange.Outcome, exchange.Status, exchange.Action));
    }

    [Fact]
    public async Task A_request_without_action_is_missing_action()
    {
        var parameters = SignedRequest.SignSms(SignedRequest.SmsBusiness()).Where(p => p.Key != "Action");

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingAction", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Fact]
    public async Task Wait_for_sms_returns_an_sms_that_arrived_before_the_wait_then_the_next_one_and_ignores_mail()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var first = await Client.SendSmsAsync(sandbox);

        var firstSms = await sandbox.WaitForSmsAsync(timeout.Token);
        var secondWait = sandbox.WaitForSmsAsync(timeout.Token);
        using var mail = await Client.SendMailAsync(sandbox);
        Assert.False(secondWait.IsCompleted);
        using var second = await Client.SendSmsAsync(sandbox);
        var secondSms = await secondWait;

        Assert.Equal((await first.ReadJsonAsync()).Text("BizId"), firstSms.BizId);
        Assert.Equal((await second.ReadJsonAsync()).Text("BizId"), secondSms.BizId);
        Assert.NotEqual(firstSms.BizId, secondSms.BizId);
    }

    [Fact]
    public async Task Clear_sms_outbox_empties_only_the_sms_outbox()
    {
        using var sms = await Client.SendSmsAsync(sandbox);
        using var mail = await Client.SendMailAsync(sandbox);

        sandbox.ClearSmsOutbox();

        Assert.Empty(sandbox.SmsOutbox);
        Assert.Single(sandbox.Outbox);
        Assert.Equal(2, sandbox.Exchanges.Count);
    }

    [Fact]
    public async Task The_secret_never_appears_in_sms_answers_outbox_files_exchanges_or_logs()
    {
        const string secret = "a-very-distinctive-sms-secret";
        var directory = Directory.CreateTempSubdirectory("sandbox-sms-secret-").FullName;
        var logger = new ListLogger();
        var seen = new StringBuilder();
        try
        {
            await using (var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions
            {
                Credentials = new Dictionary<string, string> { ["key-id"] = secret },
                OutboxDirectory = directory,
                Logger = logger,
            }))
            {
                foreach (var parameters in new[]
                {
                    SignedRequest.Sign(
                        SignedRequest.SmsBusiness(), accessKeyId: "key-id", secret: secret, action: "SendSms", version: "2017-05-25"),
                    SignedRequest.Sign(
                        SignedRequest.SmsBusiness(), accessKeyId: "key-id", secret: "wrong", action: "SendSms", version: "2017-05-25"),
                    SignedRequest.Sign(
                        SignedRequest.SmsBusiness(templateParam: "[]"),
                        accessKeyId: "key-id", secret: secret, action: "SendSms", version: "2017-05-25"),
                })
                {
                    using var response = await Client.PostAsync(sandbox.Endpoint, parameters);
                    seen.Append(await response.Content.ReadAsStringAsync()).Append(response.Headers);
                }

                seen.Append(await Client.GetStringAsync(new Uri(sandbox.Endpoint, "/_sandbox/sms-outbox")));
                seen.Append(await Client.GetStringAsync(new Uri(sandbox.Endpoint, "/_sandbox/exchanges")));
                seen.Append(JsonSerializer.Serialize(sandbox.SmsOutbox)).Append(JsonSerializer.Serialize(sandbox.Exchanges));
            }

            foreach (var file in Directory.GetFiles(directory))
            {
                seen.Append(await File.ReadAllTextAsync(file));
            }

            seen.AppendJoin('\n', logger.Lines);
            Assert.Single(Directory.GetFiles(directory));
            Assert.Contains("isv.INVALID_JSON_PARAM", seen.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, seen.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void AssertNothingSent(string outcome, int status)
    {
        Assert.Empty(sandbox.SmsOutbox);
        var exchange = Assert.Single(sandbox.Exchanges);
        Assert.Equal((outcome, (int?)status, "SendSms"), (exchange.Outcome, exchange.Status, exchange.Action));
    }
}
