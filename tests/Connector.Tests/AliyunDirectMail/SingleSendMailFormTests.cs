using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunDirectMail;

namespace Connector.Tests.AliyunDirectMail;

public class SingleSendMailFormTests
{
    private const string Now = "2026-11-29T11:04:37Z";

    private static readonly AliyunDirectMailConfig Config = TestConfigs.Record([new("Generic", "s", "c")]);

    [Fact]
    public void Build_lists_the_official_connectors_parameters_in_its_order()
    {
        var mail = new RenderedMail("user@example.com", "Example", "Generic code 000000", "<p>000000</p>", IsPlainText: false);

        var form = SingleSendMailForm.Build(Config, mail, "2c987e1c-cff3-4b8b-b360-8c9504c94c84", Now);

        Assert.Equal(
            [
                "Action=SingleSendMail", "Format=json", "SignatureMethod=HMAC-SHA1", "SignatureVersion=1.0", "Version=2015-11-23",
                "AccessKeyId=testid", $"AccountName={TestConfigs.AccountName}", "ReplyToAddress=false", "AddressType=1",
                "ToAddress=user@example.com", "FromAlias=Example", "Subject=Generic code 000000", "HtmlBody=<p>000000</p>",
                "RegionId=cn-hangzhou", "SignatureNonce=2c987e1c-cff3-4b8b-b360-8c9504c94c84", "Timestamp=2026-11-29T11:04:37Z",
            ],
            form.Select(p => $"{p.Key}={p.Value}"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", true)]
    public void Build_omits_an_absent_alias_and_sends_an_empty_one(string? alias, bool sent)
    {
        var form = SingleSendMailForm.Build(Config, new RenderedMail("u@example.com", alias, "s", "b", false), "n", Now);

        Assert.Equal(sent, form.Any(p => p.Key == "FromAlias"));
    }

    [Fact]
    public void Build_sends_a_plain_text_mail_as_TextBody_in_the_body_position()
    {
        var form = SingleSendMailForm.Build(Config, new RenderedMail("u@example.com", null, "s", "text", IsPlainText: true), "n", Now);

        Assert.Equal(["Subject", "TextBody", "RegionId"], form.Select(p => p.Key).SkipWhile(k => k != "Subject").Take(3));
        Assert.DoesNotContain(form, p => p.Key == "HtmlBody");
    }

    [Theory]
    [InlineData(null, null, "cn-hangzhou")]
    [InlineData("ap-southeast-1", null, "ap-southeast-1")]
    [InlineData("eu-central-1", "http://127.0.0.1:9/", "eu-central-1")]
    [InlineData(null, "http://127.0.0.1:9/", "cn-hangzhou")]
    public void Build_sends_the_region_even_with_a_custom_endpoint(string? regionId, string? endpoint, string expected)
    {
        var config = Config with { RegionId = regionId, Endpoint = endpoint };

        var form = SingleSendMailForm.Build(config, new RenderedMail("u@example.com", null, "s", "b", false), "n", Now);

        Assert.Equal(expected, form.Single(p => p.Key == "RegionId").Value);
    }
}
