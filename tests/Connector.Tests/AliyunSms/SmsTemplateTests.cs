using System.Text.Json;
using System.Text.RegularExpressions;
using Logto.Connector.AliyunSms;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunSms;

public sealed class SmsTemplateTests
{
    // The official connector's expressions (src/utils.ts). JavaScript's `$` is the end of the input; .NET's also matches
    // before a final "\n", hence `\z`.
    private static readonly Regex China = new(@"^(?:\+86|0086|86)?1\d{10}\z", RegexOptions.ECMAScript);
    private static readonly Regex StrictChina = new(@"^(?:\+86|0086|86)1\d{10}\z", RegexOptions.ECMAScript);

    [Fact]
    public void The_mainland_number_rule_agrees_with_the_official_regexes_in_both_modes()
    {
        string[] corpus =
        [
            "13800138000", "+8613800138000", "008613800138000", "8613800138000", "86123456789", "12025550123", "+12025550123",
            "+86 13800138000", "86-13800138000", "１３８００１３８０００", "1380013800", "138001380001", "+86138001380001",
            "86861380013800", "8613800138000 ", "", "+86", "0086", "86", "+8686138001380", "0013800138000", "+852 91234567",
            "\n13800138000", "13800138000\n", "861", "8611234567890",
        ];
        var random = new Random(86);
        var alphabet = "0123456789+86 1";
        var generated = Enumerable.Range(0, 20_000).Select(
            _ => new string([.. Enumerable.Range(0, random.Next(9, 17)).Select(_ => alphabet[random.Next(alphabet.Length)])]));

        foreach (var to in corpus.Concat(generated))
        {
            Assert.True(China.IsMatch(to) == SmsTemplate.IsChinaNumber(to, strictRegion: false), $"non-strict disagrees on '{to}'");
            Assert.True(StrictChina.IsMatch(to) == SmsTemplate.IsChinaNumber(to, strictRegion: true), $"strict disagrees on '{to}'");
        }
    }

    [Theory]
    [InlineData("13800138000", false, "SMS_CN")]
    [InlineData("13800138000", true, "SMS_INTL")]
    [InlineData("+8613800138000", true, "SMS_CN")]
    [InlineData("12025550123", false, "SMS_CN")]
    [InlineData("+12025550123", false, "SMS_INTL")]
    public void A_china_overseas_code_is_chosen_by_the_number(string to, bool strict, string expected)
    {
        var template = new SmsTemplateConfig("Generic", JsonElement.Parse("""{"china":"SMS_CN","overseas":"SMS_INTL"}"""));

        Assert.Equal(expected, SmsTemplate.Code(template, to, strict));
    }

    [Fact]
    public void A_string_code_is_used_as_it_is()
    {
        var template = new SmsTemplateConfig("Generic", JsonElement.Parse("\"SMS_1\""));

        Assert.Equal("SMS_1", SmsTemplate.Code(template, "+12025550123", strictRegion: true));
    }

    [Theory]
    [InlineData(TemplateType.SignIn, "SMS_SIGNIN")]
    [InlineData(TemplateType.Register, "SMS_REGISTER_FIRST")]
    [InlineData(TemplateType.BindMfa, "SMS_GENERIC")]
    public void Template_choice_is_the_first_exact_usage_type_then_the_first_generic(TemplateType type, string expected)
    {
        var config = Config(
            ("SignIn", "SMS_SIGNIN"),
            ("Register", "SMS_REGISTER_FIRST"),
            ("Register", "SMS_REGISTER_SECOND"),
            ("Generic", "SMS_GENERIC"),
            ("Generic", "SMS_GENERIC_2"));

        Assert.Equal(expected, SmsTemplate.Code(SmsTemplate.Select(type, config), "13800138000", strictRegion: false));
    }

    [Fact]
    public void No_matching_template_and_no_generic_is_template_not_found_naming_the_type()
    {
        var error = Assert.Throws<ConnectorException>(() => SmsTemplate.Select(TemplateType.BindMfa, Config(("signin", "SMS_1"))));

        Assert.Equal(ConnectorErrorCode.TemplateNotFound, error.Code);
        Assert.Equal("Cannot find template for type: BindMfa", error.ErrorData!["message"]!.GetValue<string>());
    }

    private static AliyunSmsConfig Config(params (string UsageType, string Code)[] templates) => new()
    {
        AccessKeyId = "id",
        AccessKeySecret = "secret",
        SignName = "Logto",
        Templates = [.. templates.Select(t => new SmsTemplateConfig(t.UsageType, JsonElement.Parse($"\"{t.Code}\"")))],
    };
}
