using System.Text.Json;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>The connector against the real Direct Mail sandbox over HTTP: what arrives, and what is sent at all.</summary>
public class AliyunDirectMailConnectorSandboxTests
{
    private const string Payload =
        """{"code":"123456","locale":"en","user":{"name":"<a href='x'>Ann</a>"},"application":{"name":"My App"}}""";

    [Fact]
    public async Task SendMessage_is_accepted_with_a_verified_signature_and_the_outbox_holds_the_rendered_mail()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var result = await harness.Connector.SendMessageAsync(
            TestConfigs.Call(harness.Config(fromAlias: "Example"), type: TemplateType.SignIn, payload: Payload), CancellationToken.None);

        var message = Assert.Single(harness.Sandbox.Outbox);
        Assert.Equal(JsonSerializer.Serialize(new { message.EnvId, message.RequestId }), result.GetRawText());
        Assert.Equal(("user@example.com", "Example", "SignIn code 123456", TestConfigs.AccountName, ConnectorHarness.AccessKeyId),
            (message.ToAddress, message.FromAlias, message.Subject, message.AccountName, message.AccessKeyId));
        Assert.Equal("<p>Your SignIn code is <b>123456</b> for My App ({{unknownRoot.x}})</p>", message.HtmlBody);
        Assert.Null(message.TextBody);
        Assert.Equal("cn-hangzhou", message.RegionId);
    }

    [Fact]
    public async Task SendMessage_escapes_payload_html_by_default_and_not_with_escapeHtml_false()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var i18n = new EmailTemplateDetails("Hi", "<p>{{user.name}}</p>");

        await harness.Connector.SendMessageAsync(
            TestConfigs.Call(harness.Config(), payload: Payload, template: i18n), CancellationToken.None);
        await harness.Connector.SendMessageAsync(
            TestConfigs.Call(harness.Config(escapeHtml: false), payload: Payload, template: i18n), CancellationToken.None);

        Assert.Equal(
            ["<p>&lt;a href=&#39;x&#39;&gt;Ann&lt;/a&gt;</p>", "<p><a href='x'>Ann</a></p>"],
            harness.Sandbox.Outbox.Select(m => m.HtmlBody));
    }

    [Fact]
    public async Task SendMessage_sends_a_text_plain_i18n_template_as_TextBody_with_the_rendered_sendFrom()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var i18n = new EmailTemplateDetails(
            "Code {{code}}", "Hello {{user.name}}, {{code}}", EmailTemplateDetails.TextPlain, SendFrom: "{{application.name}}");

        await harness.Connector.SendMessageAsync(
            TestConfigs.Call(harness.Config(fromAlias: "Ignored"), payload: Payload, template: i18n), CancellationToken.None);

        var message = Assert.Single(harness.Sandbox.Outbox);
        Assert.Equal(
            ("My App", "Code 123456", null, "Hello <a href='x'>Ann</a>, 123456"),
            (message.FromAlias, message.Subject, message.HtmlBody, message.TextBody));
        Assert.DoesNotContain(message.Parameters, p => p.Key == "HtmlBody");
    }

    [Theory]
    [InlineData("a@example.com,b@example.com")]
    [InlineData("a@example.com;b@example.com")]
    [InlineData("a@example.com b@example.com")]
    [InlineData("a@example.com\r\nb@example.com")]
    [InlineData("Ann <a@example.com>")]
    [InlineData("not-an-address")]
    public async Task SendMessage_refuses_a_to_that_is_not_exactly_one_address_and_sends_nothing(string to)
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config(), to: to), CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Empty(harness.Sandbox.Exchanges);
    }

    [Theory]
    [InlineData("""{"code":"1\r\nBcc: victim@example.com"}""", null)]
    [InlineData("""{"code":"1"}""", "Team\n{{code}}")]
    [InlineData(
        """{"code":"1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"}""",
        null)]
    public async Task SendMessage_refuses_a_header_breaking_or_too_long_subject_or_alias_and_sends_nothing(string payload, string? sendFrom)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var i18n = new EmailTemplateDetails("Code {{code}}", "c", SendFrom: sendFrom);

        var call = TestConfigs.Call(harness.Config(), payload: payload, template: i18n);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Connector.SendMessageAsync(call, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Empty(harness.Sandbox.Exchanges);
    }

    [Fact]
    public async Task SendMessage_with_an_invalid_config_throws_invalid_config_and_sends_nothing()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var config = harness.Config();
        config.Remove("accessKeyId");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Connector.SendMessageAsync(TestConfigs.Call(config), CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Empty(harness.Sandbox.Exchanges);
    }

    [Fact]
    public async Task SendMessage_with_an_already_cancelled_token_throws_OperationCanceledException_and_sends_nothing()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), new CancellationToken(canceled: true)));

        Assert.Empty(harness.Sandbox.Exchanges);
    }

    [Fact]
    public async Task Every_send_uses_a_fresh_nonce_so_repeated_sends_are_all_accepted()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            await harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), CancellationToken.None);
        }

        Assert.Equal(5, harness.Sandbox.Outbox.Select(m => m.Parameters.Single(p => p.Key == "SignatureNonce").Value).Distinct().Count());
    }
}
