using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

public class MailTemplateTests
{
    public static TheoryData<TemplateType> AllTypes => new(Enum.GetValues<TemplateType>());

    private static readonly TemplateConfig[] AllConfigured =
        Enum.GetValues<TemplateType>().Select(t => new TemplateConfig(t.ToString(), $"{t} subject", $"{t} content")).ToArray();

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Select_prefers_the_i18n_template_passed_with_the_call(TemplateType type)
    {
        var i18n = new EmailTemplateDetails("i18n subject", "i18n content", EmailTemplateDetails.TextHtml, SendFrom: "Team");

        var template = MailTemplate.Select(Call(type, i18n), TestConfigs.Record(AllConfigured));

        Assert.Equal(new MailTemplate("i18n subject", "i18n content", IsPlainText: false, SendFrom: "Team"), template);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Select_takes_the_config_template_of_the_exact_usage_type(TemplateType type)
    {
        var template = MailTemplate.Select(Call(type), TestConfigs.Record(AllConfigured.Reverse().ToArray()));

        Assert.Equal(new MailTemplate($"{type} subject", $"{type} content", IsPlainText: false, SendFrom: null), template);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Select_falls_back_to_the_generic_template(TemplateType type)
    {
        var others = AllConfigured.Where(t => t.UsageType != type.ToString() || type == TemplateType.Generic).ToArray();

        var template = MailTemplate.Select(Call(type), TestConfigs.Record(others));

        Assert.Equal("Generic subject", template.Subject);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Select_without_a_matching_or_generic_template_throws_template_not_found(TemplateType type)
    {
        var unrelated = new[] { new TemplateConfig("Other", "s", "c") };

        var error = Assert.Throws<ConnectorException>(() => MailTemplate.Select(Call(type), TestConfigs.Record(unrelated)));

        Assert.Equal(ConnectorErrorCode.TemplateNotFound, error.Code);
        Assert.Equal($$"""{"message":"Cannot find template for type: {{type}}"}""", error.ErrorData!.ToJsonString());
    }

    [Theory]
    [InlineData("text/plain", true)]
    [InlineData("TEXT/PLAIN", true)]
    [InlineData("text/html", false)]
    [InlineData(null, false)]
    public void Select_marks_a_text_plain_i18n_template_as_plain_text(string? contentType, bool isPlainText)
    {
        var template = MailTemplate.Select(
            Call(TemplateType.SignIn, new EmailTemplateDetails("s", "c", contentType)), TestConfigs.Record(AllConfigured));

        Assert.Equal(isPlainText, template.IsPlainText);
    }

    private static SendMessageCall Call(TemplateType type, EmailTemplateDetails? template = null) =>
        new(new SendMessageData("user@example.com", type, TestConfigs.Element("{}")), TestConfigs.Element("{}"), template);
}
