using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

public class MailComposerTests
{
    private const string Payload = """{"code":"123456","user":{"name":"<i>Ann</i> & Bob"},"application":{"name":"App"}}""";

    private static readonly TemplateConfig[] Templates =
        [new("Generic", "Code {{code}} for {{user.name}}", "<p>{{user.name}}: <b>{{code}}</b></p>")];

    [Fact]
    public void Compose_escapes_payload_values_in_the_html_body_by_default_but_not_in_the_subject()
    {
        var mail = Compose(TestConfigs.Record(Templates));

        Assert.Equal("<p>&lt;i&gt;Ann&lt;/i&gt; &amp; Bob: <b>123456</b></p>", mail.Body);
        Assert.Equal("Code 123456 for <i>Ann</i> & Bob", mail.Subject);
        Assert.False(mail.IsPlainText);
    }

    [Fact]
    public void Compose_with_escapeHtml_false_renders_the_body_like_logto()
    {
        var mail = Compose(TestConfigs.Record(Templates, escapeHtml: false));

        Assert.Equal("<p><i>Ann</i> & Bob: <b>123456</b></p>", mail.Body);
    }

    [Fact]
    public void Compose_renders_a_text_plain_i18n_template_raw_as_a_text_body()
    {
        var i18n = new EmailTemplateDetails("Hi {{user.name}}", "Dear {{user.name}}, {{code}}", EmailTemplateDetails.TextPlain);

        var mail = Compose(TestConfigs.Record(Templates), i18n);

        Assert.True(mail.IsPlainText);
        Assert.Equal("Dear <i>Ann</i> & Bob, 123456", mail.Body);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("Config Alias", null, "Config Alias")]
    [InlineData("", null, "")]
    [InlineData("Config Alias", "", "Config Alias")]
    [InlineData("Config Alias", "Team {{application.name}} <{{user.name}}>", "Team App <<i>Ann</i> & Bob>")]
    [InlineData(null, "{{unknown.alias}}", "{{unknown.alias}}")]
    public void Compose_takes_the_alias_from_the_rendered_i18n_sendFrom_else_from_the_config(string? configAlias, string? sendFrom, string? expected)
    {
        var i18n = sendFrom is null ? null : new EmailTemplateDetails("s", "c", SendFrom: sendFrom);

        var mail = Compose(TestConfigs.Record(Templates, fromAlias: configAlias), i18n);

        Assert.Equal(expected, mail.FromAlias);
    }

    [Theory]
    [InlineData("a@example.com,b@example.com", "comma")]
    [InlineData("a@example.com;b@example.com", "semicolon")]
    [InlineData("a@example.com b@example.com", "whitespace")]
    [InlineData("a@example.com\r\nBcc: x@example.com", "whitespace")]
    [InlineData(" a@example.com", "whitespace")]
    [InlineData("Ann <a@example.com>", "whitespace")]
    [InlineData("<a@example.com>", "not a valid email address")]
    [InlineData("a@@example.com", "not a valid email address")]
    [InlineData("a@localhost", "not a valid email address")]
    [InlineData("@example.com", "not a valid email address")]
    [InlineData("a.@example.com", "not a valid email address")]
    [InlineData("a@example..com", "not a valid email address")]
    [InlineData("a@-example.com", "not a valid email address")]
    [InlineData("", "empty")]
    public void Compose_refuses_anything_but_exactly_one_address(string to, string reason)
    {
        var error = Assert.Throws<ConnectorException>(() => Compose(TestConfigs.Record(Templates), to: to));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains(reason, Message(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("用户@例子.中国")]
    [InlineData("o'brien@example.com")]
    public void Compose_accepts_ordinary_addresses(string to) =>
        Assert.Equal(to, Compose(TestConfigs.Record(Templates), to: to).ToAddress);

    [Theory]
    [InlineData("Code {{code}}", """{"code":"1\r\nBcc: x@example.com"}""", "subject contains a line break")]
    [InlineData("Line\nbreak", "{}", "subject contains a line break")]
    public void Compose_refuses_a_line_break_in_the_rendered_subject(string subject, string payload, string reason)
    {
        var config = TestConfigs.Record([new("Generic", subject, "c")]);

        var error = Assert.Throws<ConnectorException>(() => Compose(config, payload: payload));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains(reason, Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_refuses_a_line_break_in_the_rendered_alias()
    {
        var error = Assert.Throws<ConnectorException>(() =>
            Compose(TestConfigs.Record(Templates), new EmailTemplateDetails("s", "c", SendFrom: "{{code}}"), payload: """{"code":"a\nb"}"""));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains("sender alias (FromAlias) contains a line break", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_allows_a_subject_of_100_characters_and_refuses_101()
    {
        var config = TestConfigs.Record([new("Generic", "{{s}}", "c")]);

        Assert.Equal(100, Compose(config, payload: $$"""{"s":"{{new string('x', 100)}}"}""").Subject.Length);
        var error = Assert.Throws<ConnectorException>(() => Compose(config, payload: $$"""{"s":"{{new string('x', 101)}}"}"""));
        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains("101 characters", Message(error), StringComparison.Ordinal);
    }

    private static string Message(ConnectorException error) => error.ErrorData!["message"]!.GetValue<string>();

    private static RenderedMail Compose(
        AliyunDirectMailConfig config, EmailTemplateDetails? i18n = null, string to = "user@example.com", string payload = Payload) =>
        MailComposer.Compose(new SendMessageCall(new SendMessageData(to, TemplateType.Generic, TestConfigs.Element(payload)), TestConfigs.Element("{}"), i18n), config);
}
