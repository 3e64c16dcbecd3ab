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
    [InlineData("Config Alias", "{{application.name}} & Co <", "App & Co <")]
    [InlineData(null, "{{unknown.al}}", "{{unknown.al}}")]
    public void Compose_takes_the_alias_from_the_rendered_i18n_sendFrom_else_from_the_config(
        string? configAlias, string? sendFrom, string? expected)
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
    [InlineData("Code {{code}}", """{"code":"1\r\nBcc: x@example.com"}""", "subject contains a control character")]
    [InlineData("Line\nbreak", "{}", "subject contains a control character")]
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
        var i18n = new EmailTemplateDetails("s", "c", SendFrom: "{{code}}");

        var error = Assert.Throws<ConnectorException>(() => Compose(TestConfigs.Record(Templates), i18n, payload: """{"code":"a\nb"}"""));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains("sender alias (FromAlias) contains a control character", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_allows_a_subject_of_100_characters_and_refuses_101()
    {
        var config = TestConfigs.Record([new("Generic", "{{s}}", "c")]);

        Assert.Equal(100, Compose(config, payload: $$"""{"s":"{{new string('x', 100)}}"}""").Subject.Length);
        var error = Assert.Throws<ConnectorException>(() => Compose(config, payload: $$"""{"s":"{{new string('x', 101)}}"}"""));
        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains("subject is longer than 100 characters", Message(error), StringComparison.Ordinal);
    }

    private static string Message(ConnectorException error) => error.ErrorData!["message"]!.GetValue<string>();

    private static RenderedMail ComposeWith(string subject, string content, string payload) =>
        Compose(TestConfigs.Record([new("Generic", subject, content)]), payload: payload);

    private static RenderedMail Compose(
        AliyunDirectMailConfig config, EmailTemplateDetails? i18n = null, string to = "user@example.com", string payload = Payload) =>
        MailComposer.Compose(
            new SendMessageCall(
                new SendMessageData(to, TemplateType.Generic, TestConfigs.Element(payload)), TestConfigs.Element("{}"), i18n),
            config);

    [Theory]
    [InlineData(@"\u0085")]
    [InlineData(@"\u2028")]
    [InlineData(@"\u202e")]
    [InlineData(@"\u2066")]
    [InlineData(@"\t")]
    [InlineData(@"\u007f")]
    [InlineData(@"\u0000")]
    public void Compose_refuses_every_control_character_in_the_rendered_subject(string escaped)
    {
        var payload = $$"""{"code":"1{{escaped}}2"}""";

        var error = Assert.Throws<ConnectorException>(() => ComposeWith("Code {{code}}", "<p>{{code}}</p>", payload));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains("subject contains a control character", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_stops_rendering_an_oversized_body_and_refuses_it()
    {
        // 200,000 placeholders of a 2 KB value would be 400 MB of HTML; rendering gives up past Direct Mail's 80 KB.
        var template = string.Concat(Enumerable.Repeat("{{code}}", 200_000));
        var payload = $$"""{"code":"{{new string('x', 2048)}}"}""";

        var error = Assert.Throws<ConnectorException>(() => ComposeWith("Code", template, payload));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.Contains($"body is longer than {MailInputGuard.MaxBodyLength} characters", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_refuses_a_body_over_80_KB_in_UTF_8_even_under_the_character_limit()
    {
        var payload = $$"""{"code":"{{new string('中', 30_000)}}"}""";

        var error = Assert.Throws<ConnectorException>(() => ComposeWith("Code", "{{code}}", payload));

        Assert.Contains("bytes in UTF-8", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_refuses_a_subject_over_100_and_an_alias_over_15_characters()
    {
        var subject = Assert.Throws<ConnectorException>(() => ComposeWith("{{code}}", "b", $$"""{"code":"{{new string('s', 101)}}"}"""));
        var alias = Assert.Throws<ConnectorException>(() => Compose(TestConfigs.Record(Templates, fromAlias: new string('a', 16)), null));

        Assert.Contains("subject is longer than 100", Message(subject), StringComparison.Ordinal);
        Assert.Contains("(FromAlias) is longer than 15", Message(alias), StringComparison.Ordinal);
    }
}
