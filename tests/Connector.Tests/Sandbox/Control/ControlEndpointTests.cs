using System.Net;
using System.Text;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Control;

/// <summary>The <c>/_sandbox/*</c> HTTP API that Node tests, the demo and the CLI use.</summary>
public sealed class ControlEndpointTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Get_outbox_lists_the_accepted_messages_as_json()
    {
        using var first = await Client.SendMailAsync(sandbox);
        using var second = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(to: "other@example.com")));

        using var response = await Client.GetAsync(Url("outbox"));
        var outbox = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            sandbox.Outbox.Select(m => (m.EnvId, m.ToAddress, m.Subject, m.HtmlBody, m.RawBody)),
            outbox.EnumerateArray().Select(
                m => (m.Text("envId"), m.Text("toAddress"), m.Text("subject"), (string?)m.Text("htmlBody"), m.Text("rawBody"))));
        var message = outbox[0];
        Assert.Equal(
            ["envId", "requestId", "accessKeyId", "accountName", "toAddress", "fromAlias", "subject", "htmlBody", "textBody",
                "regionId", "parameters", "rawBody", "receivedAt"],
            message.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, message.GetProperty("textBody").ValueKind);
        Assert.Equal("Action", message.GetProperty("parameters")[0].Text("name"));
        Assert.Equal("SingleSendMail", message.GetProperty("parameters")[0].Text("value"));
    }

    [Fact]
    public async Task Get_sms_outbox_lists_the_accepted_sms_as_json_and_the_mail_outbox_does_not()
    {
        using var sms = await Client.SendSmsAsync(sandbox);

        var outbox = await (await Client.GetAsync(Url("sms-outbox"))).ReadJsonAsync();

        var message = Assert.Single(outbox.EnumerateArray());
        Assert.Equal(
            ["bizId", "requestId", "accessKeyId", "phoneNumbers", "signName", "templateCode", "templateParam", "parameters", "rawBody",
                "receivedAt"],
            message.EnumerateObject().Select(p => p.Name));
        var accepted = Assert.Single(sandbox.SmsOutbox);
        Assert.Equal(
            (accepted.BizId, accepted.PhoneNumbers, accepted.SignName, accepted.TemplateCode, accepted.TemplateParam, accepted.RawBody),
            (message.Text("bizId"), message.Text("phoneNumbers"), message.Text("signName"), message.Text("templateCode"),
                (string?)message.Text("templateParam"), message.Text("rawBody")));
        var first = message.GetProperty("parameters")[0];
        Assert.Equal(("Action", "SendSms"), (first.Text("name"), first.Text("value")));
        Assert.Equal("[]", await Client.GetStringAsync(Url("outbox")));
    }

    [Fact]
    public async Task Delete_sms_outbox_clears_it_and_leaves_the_mail_outbox()
    {
        using var sms = await Client.SendSmsAsync(sandbox);
        using var mail = await Client.SendMailAsync(sandbox);

        using var response = await Client.DeleteAsync(Url("sms-outbox"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("[]", await Client.GetStringAsync(Url("sms-outbox")));
        Assert.Single(sandbox.Outbox);
    }

    [Fact]
    public async Task Post_fault_sets_business_limit_control_for_sms()
    {
        using var set = await PostJsonAsync("fault", """{"kind":"businessLimitControl","count":1}""");
        using var limited = await Client.SendSmsAsync(sandbox);

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", (await limited.ReadJsonAsync()).Text("Code"));
    }

    [Fact]
    public async Task Delete_outbox_clears_it()
    {
        using var sent = await Client.SendMailAsync(sandbox);

        using var response = await Client.DeleteAsync(Url("outbox"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(sandbox.Outbox);
        Assert.Equal("[]", await Client.GetStringAsync(Url("outbox")));
    }

    [Fact]
    public async Task Post_fault_sets_a_fault_for_the_next_count_requests()
    {
        using var set = await PostJsonAsync("fault", """{"kind":"throttling","count":1,"delayMs":0}""");
        using var throttled = await Client.SendMailAsync(sandbox);
        using var accepted = await Client.SendMailAsync(sandbox);

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal("Throttling.User", (await throttled.ReadJsonAsync()).Text("Code"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Post_fault_with_delay_ms_holds_the_answer_back()
    {
        using var set = await PostJsonAsync("fault", """{"kind":"Delay","count":1,"delayMs":200}""");
        var started = DateTime.UtcNow;
        using var delayed = await Client.SendMailAsync(sandbox);

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(190));
        Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"Gremlins"}""")]
    [InlineData("""{"kind":"3"}""")]
    [InlineData("""{"kind":"Throttling","count":0}""")]
    [InlineData("""{"kind":"Delay"}""")]
    [InlineData("""{"count":1}""")]
    [InlineData("not json")]
    public async Task Post_fault_refuses_what_it_cannot_apply_with_a_json_error(string body)
    {
        using var response = await PostJsonAsync("fault", body);
        using var next = await Client.SendMailAsync(sandbox);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync()).Text("error")));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Get_exchanges_lists_every_direct_mail_request_and_its_outcome()
    {
        using var accepted = await Client.SendMailAsync(sandbox);
        using var rejected = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), secret: "wrong"));

        var exchanges = await (await Client.GetAsync(Url("exchanges"))).ReadJsonAsync();

        Assert.Equal(
            [("accepted", 200), ("rejected:SignatureDoesNotMatch", 400)],
            exchanges.EnumerateArray().Select(e => (e.Text("outcome"), e.GetProperty("status").GetInt32())));
    }

    [Fact]
    public async Task Get_exchanges_names_the_action_of_each_request_and_null_for_an_unknown_one()
    {
        using var mail = await Client.SendMailAsync(sandbox);
        using var sms = await Client.SendSmsAsync(sandbox);
        using var unknown = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), action: "SendMail"));

        var exchanges = await (await Client.GetAsync(Url("exchanges"))).ReadJsonAsync();

        Assert.Equal(
            [("accepted", "SingleSendMail"), ("accepted", "SendSms"), ("rejected:InvalidAction.NotFound", null)],
            exchanges.EnumerateArray().Select(e => (e.Text("outcome"), e.GetProperty("action").GetString())));
    }

    [Fact]
    public async Task Control_requests_are_neither_faulted_nor_recorded_as_exchanges()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.ServiceUnavailable));

        using var response = await Client.GetAsync(Url("outbox"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(sandbox.Exchanges);
    }

    [Theory]
    [InlineData("PUT", "outbox", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "sms-outbox", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "fault", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "nothing-here", HttpStatusCode.NotFound)]
    public async Task Unknown_control_routes_and_methods_are_refused(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Url(path)) { Content = new StringContent("") };

        using var response = await Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
    }

    private Uri Url(string path) => new(sandbox.Endpoint, "/_sandbox/" + path);

    private async Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Client.PostAsync(Url(path), content);
    }
}
