using System.Net;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Rpc;

/// <summary>
/// Every fault mode over real HTTP, with correctly signed requests that would otherwise be accepted; the faults every API
/// answers alike are run for both (SMS-only faults and SendSms's own answers are in <c>Sms/SmsFaultTests</c>).
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    public static TheoryData<string> Actions => ["SingleSendMail", "SendSms"];

    [Fact]
    public async Task Throttling_answers_400_throttling_user_with_a_retry_after_header()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling));

        using var response = await Client.SendMailAsync(sandbox);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Throttling.User", body.Text("Code"));
        Assert.Equal("Request was denied due to user flow control.", body.Text("Message"));
        var retryAfter = Assert.Single(response.Headers.GetValues("x-acs-retry-after"));
        Assert.True(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture) > 0);
        AssertFaultedAndNothingSent("fault:Throttling", 400);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Service_unavailable_answers_503_with_a_plain_text_page(string action)
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.ServiceUnavailable));

        using var response = await SendAsync(action, sandbox);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Service Unavailable", await response.Content.ReadAsStringAsync());
        AssertFaultedAndNothingSent("fault:ServiceUnavailable", 503, action);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Malformed_success_answers_200_with_a_body_that_is_not_a_send_result(string action)
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.MalformedSuccess));

        using var response = await SendAsync(action, sandbox);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"unexpected":true}""", await response.Content.ReadAsStringAsync());
        AssertFaultedAndNothingSent("fault:MalformedSuccess", 200, action);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Internal_error_answers_500_with_aliyun_json(string action)
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.InternalError));

        using var response = await SendAsync(action, sandbox);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("InternalError", (await response.ReadJsonAsync()).Text("Code"));
        AssertFaultedAndNothingSent("fault:InternalError", 500, action);
    }

    [Fact]
    public async Task Reset_mid_response_sends_part_of_the_answer_then_resets_and_the_server_keeps_serving()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.ResetMidResponse, Count: 1));

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await Client.PostAsync(
                sandbox.Endpoint, new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())));
            await response.Content.ReadAsStringAsync();
        });
        using var next = await Client.SendMailAsync(sandbox);

        Assert.True(error is HttpRequestException or IOException, $"expected a transport failure, got {error}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("fault:ResetMidResponse", sandbox.Exchanges[0].Outcome);
        Assert.Null(sandbox.Exchanges[0].Status);
        Assert.Single(sandbox.Outbox);
    }

    [Fact]
    public async Task Reset_mid_response_is_seen_by_a_client_reading_the_body_after_the_headers()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.ResetMidResponse));
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Endpoint)
        {
            Content = new FormUrlEncodedContent(SignedRequest.Sign(SignedRequest.Business())),
        };

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        });

        Assert.True(error is HttpRequestException or IOException, $"expected a transport failure, got {error}");
        Assert.Empty(sandbox.Outbox);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Delay_answers_normally_once_the_delay_is_over(string action)
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Delay, Count: 1, Delay: TimeSpan.FromMilliseconds(300)));
        var started = DateTime.UtcNow;

        using var response = await SendAsync(action, sandbox);

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(290));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Accepted(sandbox, action));
        Assert.Equal(("accepted", action), (Assert.Single(sandbox.Exchanges).Outcome, sandbox.Exchanges[0].Action));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Delay_records_the_exchange_as_dropped_when_the_client_cancels_and_sends_nothing(string action)
    {
        // Cancelled once the sandbox holds the request, not after a fixed time: on a loaded machine a timer could fire
        // before the request even arrived, and the sandbox would then have nothing to record.
        var delay = TimeSpan.FromSeconds(30);
        var watch = new TimerWatch(delay);
        await using var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions { TimeProvider = watch });
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Delay, Count: 1, Delay: delay));
        using var cancel = new CancellationTokenSource();

        var sending = SendAsync(action, sandbox, cancel.Token);
        await watch.Started.WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.True(await AliyunJson.EventuallyAsync(() => sandbox.Exchanges.Count == 1), "the dropped exchange was not recorded");
        Assert.Equal(new SandboxExchange("dropped", null, sandbox.Exchanges[0].At) { Action = action }, sandbox.Exchanges[0]);
        Assert.Equal(0, Accepted(sandbox, action));
        using var next = await SendAsync(action, sandbox);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_fault_with_a_count_applies_to_that_many_requests_then_requests_are_accepted_again()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.InternalError, Count: 2));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Client.SendMailAsync(sandbox);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
        Assert.Single(sandbox.Outbox);
    }

    [Fact]
    public async Task A_fault_without_a_count_lasts_until_cleared_with_none()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.MalformedSuccess));
        using var first = await Client.SendMailAsync(sandbox);
        using var second = await Client.SendMailAsync(sandbox);

        sandbox.SetFault(new SandboxFault(SandboxFaultKind.None));
        using var third = await Client.SendMailAsync(sandbox);

        Assert.Equal(["fault:MalformedSuccess", "fault:MalformedSuccess", "accepted"], sandbox.Exchanges.Select(e => e.Outcome));
    }

    [Fact]
    public async Task A_fault_applies_even_to_a_request_that_would_have_been_rejected()
    {
        sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling, Count: 1));

        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), secret: "wrong"));

        Assert.Equal("Throttling.User", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Theory]
    [InlineData(SandboxFaultKind.Delay, 1, 0)]
    [InlineData(SandboxFaultKind.Throttling, 0, 0)]
    [InlineData((SandboxFaultKind)42, 1, 0)]
    public void Set_fault_refuses_a_fault_it_cannot_apply(SandboxFaultKind kind, int count, int delayMs)
    {
        Assert.ThrowsAny<ArgumentException>(() => sandbox.SetFault(new SandboxFault(kind, count, TimeSpan.FromMilliseconds(delayMs))));
    }

    private static Task<HttpResponseMessage> SendAsync(
        string action, AliyunSandbox sandbox, CancellationToken cancellationToken = default) =>
        action == "SendSms" ? Client.SendSmsAsync(sandbox, cancellationToken) : Client.SendMailAsync(sandbox, cancellationToken);

    private static int Accepted(AliyunSandbox sandbox, string action) =>
        action == "SendSms" ? sandbox.SmsOutbox.Count : sandbox.Outbox.Count;

    private void AssertFaultedAndNothingSent(string outcome, int status, string action = "SingleSendMail")
    {
        Assert.Empty(sandbox.Outbox);
        Assert.Empty(sandbox.SmsOutbox);
        var exchange = Assert.Single(sandbox.Exchanges);
        Assert.Equal((outcome, (int?)status, action), (exchange.Outcome, exchange.Status, exchange.Action));
    }
}
