using Logto.Connector.Aliyun;

namespace Connector.Tests.Aliyun;

/// <summary>
/// The SendSms signature example of Aliyun's SMS HTTP protocol page (https://help.aliyun.com/document_detail/56189.html): a
/// non-ASCII SignName and a JSON TemplateParam, secret "testSecret" with a capital S.
/// </summary>
public sealed class RpcSignatureSmsVectorTests
{
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("AccessKeyId", "testId"),
        new("Action", "SendSms"),
        new("Format", "XML"),
        new("OutId", "123"),
        new("PhoneNumbers", "15300000001"),
        new("RegionId", "cn-hangzhou"),
        new("SignName", "阿里云短信测试专用"),
        new("SignatureMethod", "HMAC-SHA1"),
        new("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
        new("SignatureVersion", "1.0"),
        new("TemplateCode", "SMS_71390007"),
        new("TemplateParam", """{"customer":"test"}"""),
        new("Timestamp", "2017-07-12T02:42:19Z"),
        new("Version", "2017-05-25"),
    ];

    [Theory]
    [InlineData("GET", "zJDF+Lrzhj/ThnlvIToysFRq6t4=")]
    [InlineData("POST", "Xvhv7fPXrPkLVSnlt0jIr08o8NQ=")]
    public void The_published_send_sms_example_signs_to_its_signature(string method, string signature)
    {
        Assert.Equal(signature, RpcSignature.Sign(method, Parameters, "testSecret"));
    }

    [Fact]
    public void The_order_parameters_come_in_does_not_change_the_signature()
    {
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", RpcSignature.Sign("GET", Parameters.Reverse().ToArray(), "testSecret"));
    }

    [Fact]
    public void The_secret_is_case_sensitive()
    {
        Assert.NotEqual("zJDF+Lrzhj/ThnlvIToysFRq6t4=", RpcSignature.Sign("GET", Parameters, "testsecret"));
    }
}
