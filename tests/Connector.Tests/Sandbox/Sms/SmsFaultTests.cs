using System.Net;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Sms;

/// <summary>
/// The faults that are SendSms's own (business limit control) or answer in SendSms's shape, over real HTTP; the faults every
/// API answers alike run for SendSms too in <c>Rpc/FaultTests</c>.
/// </summary>
public sealed class SmsFaultTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Business_limit_control_answers_200_with_aliyuns_minute_limit_body()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.BusinessLimitControl));

        using var response = await Client.SendSmsAsync(sandbox);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["Message", "RequestId", "Code"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1"), (body.Text("Code"), body.Text("Message")));
        Assert.Matches("^[0-9A-F-]{36}$", body.Text("RequestId"));
        AssertFaultedAndNothingSent("fault:BusinessLimitControl", 200);
    }

    [Fact]
    public async Task Business_limit_control_lets_mail_through_without_using_up_its_count()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.BusinessLimitControl, Count: 1));

        using var mail = await Client.SendMailAsync(sandbox);
        using var limited = await Client.SendSmsAsync(sandbox);
        using var accepted = await Client.SendSmsAsync(sandbox);

        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        Assert.Single(sandbox.Outbox);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", (await limited.ReadJsonAsync()).Text("Code"));
        Assert.Equal("OK", (await accepted.ReadJsonAsync()).Text("Code"));
        Assert.Equal(
            [("accepted", "SingleSendMail"), ("fault:BusinessLimitControl", "SendSms"), ("accepted", "SendSms")],
            sandbox.Exchanges.Select(e => (e.Outcome, e.Action)));
    }

    [Fact]
    public async Task Throttling_answers_400_throttling_user_with_a_retry_after_header()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling));

        using var response = await Client.SendSmsAsync(sandbox);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["RequestId", "HostId", "Code", "Message", "Recommend"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Throttling.User", body.Text("Code"));
        Assert.Contains("product=Dysmsapi", body.Text("Recommend"), StringComparison.Ordinal);
        Assert.Single(response.Headers.GetValues("x-acs-retry-after"));
        AssertFaultedAndNothingSent("fault:Throttling", 400);
    }

    [Fact]
    public async Task Reset_mid_response_sends_part_of_a_send_sms_answer_then_resets_and_the_server_keeps_serving()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.ResetMidResponse, Count: 1));
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Endpoint)
        {
            Content = new FormUrlEncodedContent(SignedRequest.SignSms(SignedRequest.SmsBusiness())),
        };

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        });
        using var next = await Client.SendSmsAsync(sandbox);

        Assert.True(error is HttpRequestException or IOException, $"expected a transport failure, got {error}");
        Assert.Equal("OK", (await next.ReadJsonAsync()).Text("Code"));
        var reset = sandbox.Exchanges[0];
        Assert.Equal(("fault:ResetMidResponse", (int?)null, "SendSms"), (reset.Outcome, reset.Status, reset.Action));
        Assert.Single(sandbox.SmsOutbox);
    }

    [Fact]
    public async Task A_fault_with_a_count_is_shared_by_mail_and_sms_requests()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.InternalError, Count: 2));

        using var sms = await Client.SendSmsAsync(sandbox);
        using var mail = await Client.SendMailAsync(sandbox);
        using var accepted = await Client.SendSmsAsync(sandbox);

        Assert.Equal(
            [HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK],
            new[] { sms, mail, accepted }.Select(r => r.StatusCode));
        Assert.Single(sandbox.SmsOutbox);
        Assert.Empty(sandbox.Outbox);
    }

    private void AssertFaultedAndNothingSent(string outcome, int status)
    {
        Assert.Empty(sandbox.SmsOutbox);
        var exchange = Assert.Single(sandbox.Exchanges);
        Assert.Equal((outcome, (int?)status, "SendSms"), (exchange.Outcome, exchange.Status, exchange.Action));
    }
}
