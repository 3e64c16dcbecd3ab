using System.Net;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.DirectMail;

/// <summary>SingleSendMail's business rules, over real HTTP with correctly signed requests.</summary>
public sealed class SingleSendMailValidatorTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_request_with_neither_html_nor_text_body_is_an_invalid_body()
    {
        var business = SignedRequest.Business();
        business.Remove("HtmlBody");

        var body = await RejectedAsync(business);

        Assert.Equal("InvalidBody", body);
    }

    [Fact]
    public async Task A_text_body_alone_is_enough()
    {
        var business = SignedRequest.Business();
        business.Remove("HtmlBody");
        business["TextBody"] = "Your code is 123456";

        Assert.Equal("Your code is 123456", (await AcceptedAsync(business)).TextBody);
    }

    [Fact]
    public async Task A_subject_over_100_characters_is_malformed()
    {
        Assert.Equal("InvalidSubject.Malformed", await RejectedAsync(SignedRequest.Business(subject: new string('s', 101))));
    }

    [Fact]
    public async Task A_subject_of_100_characters_counted_as_people_count_them_is_accepted()
    {
        var subject = string.Concat(Enumerable.Repeat("验证码😀", 25));

        Assert.Equal(subject, (await AcceptedAsync(SignedRequest.Business(subject: subject))).Subject);
    }

    [Theory]
    [InlineData("AccountName")]
    [InlineData("AddressType")]
    [InlineData("ReplyToAddress")]
    [InlineData("ToAddress")]
    [InlineData("Subject")]
    public async Task A_missing_business_parameter_is_named_in_the_code(string name)
    {
        var business = SignedRequest.Business();
        business.Remove(name);

        Assert.Equal("Missing" + name, await RejectedAsync(business));
    }

    [Theory]
    [InlineData("AddressType", "2", "InvalidParameter")]
    [InlineData("ReplyToAddress", "yes", "InvalidParameter")]
    [InlineData("AccountName", "not-an-address", "InvalidMailAddress.NotFound")]
    [InlineData("ToAddress", "user@example.com,", "InvalidToAddress")]
    [InlineData("ToAddress", "user@example.com\r\nBcc: spy@example.com", "InvalidToAddress")]
    [InlineData("FromAlias", "Sixteen chars ok", "InvalidFromAlias.Malformed")]
    public async Task A_malformed_business_parameter_gets_direct_mails_code(string name, string value, string code)
    {
        var business = SignedRequest.Business();
        business[name] = value;

        Assert.Equal(code, await RejectedAsync(business));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Fifteen chars!!")]
    [InlineData("验证码团队")]
    public async Task A_from_alias_of_at_most_15_characters_or_empty_as_logto_sends_it_is_accepted(string alias)
    {
        var business = SignedRequest.Business();
        business["FromAlias"] = alias;

        Assert.Equal(alias, (await AcceptedAsync(business)).FromAlias);
    }

    [Theory]
    [InlineData("True")]
    [InlineData("false")]
    public async Task Reply_to_address_is_read_case_insensitively_as_the_official_sdks_send_true_and_false(string value)
    {
        var business = SignedRequest.Business();
        business["ReplyToAddress"] = value;

        await AcceptedAsync(business);
    }

    [Fact]
    public async Task Up_to_100_recipients_are_accepted_and_101_are_not()
    {
        static string Recipients(int count) => string.Join(',', Enumerable.Range(1, count).Select(i => $"user{i}@example.com"));

        var accepted = await AcceptedAsync(SignedRequest.Business(to: Recipients(100)));
        var rejected = await RejectedAsync(SignedRequest.Business(to: Recipients(101)));

        Assert.Equal(Recipients(100), accepted.ToAddress);
        Assert.Equal("InvalidToAddress", rejected);
    }

    private async Task<SandboxMessage> AcceptedAsync(Dictionary<string, string> business)
    {
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(business));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envId = (await response.ReadJsonAsync()).Text("EnvId");
        return sandbox.Outbox.Single(m => m.EnvId == envId);
    }

    private async Task<string> RejectedAsync(Dictionary<string, string> business)
    {
        var before = sandbox.Outbox.Count;
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(business));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, sandbox.Outbox.Count);
        return (await response.ReadJsonAsync()).Text("Code");
    }
}
