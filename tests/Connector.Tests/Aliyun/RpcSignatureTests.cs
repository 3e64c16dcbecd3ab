using Logto.Connector.Aliyun;

namespace Connector.Tests.Aliyun;

public class RpcSignatureTests
{
    [Fact]
    public void Logto_and_Aliyun_direct_mail_vector_signs_to_the_published_value()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["AccountName"] = "<a%b'>",
            ["Action"] = "SingleSendMail",
            ["AddressType"] = "1",
            ["Format"] = "XML",
            ["HtmlBody"] = "4",
            ["RegionId"] = "cn-hangzhou",
            ["ReplyToAddress"] = "true",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["Subject"] = "3",
            ["TagName"] = "2",
            ["ToAddress"] = "1@test.com",
            ["Version"] = "2015-11-23",
            ["SignatureNonce"] = "c1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c",
            ["Timestamp"] = "2016-10-20T06:27:56Z",
        };

        Assert.Equal(
            "POST&%2F&AccessKeyId%3Dtestid%26AccountName%3D%253Ca%2525b%2527%253E%26Action%3DSingleSendMail%26AddressType%3D1%26Format%3DXML%26HtmlBody%3D4%26RegionId%3Dcn-hangzhou%26ReplyToAddress%3Dtrue%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dc1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c%26SignatureVersion%3D1.0%26Subject%3D3%26TagName%3D2%26Timestamp%3D2016-10-20T06%253A27%253A56Z%26ToAddress%3D1%2540test.com%26Version%3D2015-11-23",
            RpcSignature.StringToSign("POST", parameters));
        Assert.Equal("llJfXJjBW3OacrVgxxsITgYaYm0=", RpcSignature.Sign("POST", parameters, "testsecret"));
    }

    [Fact]
    public void Classic_ecs_describe_regions_vector_signs_to_the_published_value()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["Format"] = "XML",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["SignatureVersion"] = "1.0",
            ["TimeStamp"] = "2016-02-23T12:46:24Z",
            ["Version"] = "2014-05-26",
        };

        Assert.Equal("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSignature.Sign("GET", parameters, "testsecret"));
    }

    [Theory]
    [InlineData("GET", "3DQvovq2PqyPBIHWjNEpNbh0BIo=")]
    [InlineData("POST", "jh3q6OVvSs+6Q81upm9cyZkaRpU=")]
    public void Values_with_spaces_are_escaped_as_percent_20(string method, string expected)
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["AccountName"] = "admin@alibabacloudkit.zekedou.live",
            ["Action"] = "SingleSendMail",
            ["AddressType"] = "1",
            ["Format"] = "JSON",
            ["FromAlias"] = "AlibabaCloudKit Group",
            ["ReplyToAddress"] = "false",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "c1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c",
            ["SignatureVersion"] = "1.0",
            ["Subject"] = "Announcement of AlibabaCloudKit",
            ["Timestamp"] = "2016-10-20T06:27:56Z",
            ["ToAddress"] = "c4710n@pm.me",
            ["Version"] = "2015-11-23",
            ["TextBody"] = $"This is the test email send by {method} test of AlibabaCloudKit.",
        };

        Assert.Equal(expected, RpcSignature.Sign(method, parameters, "testsecret"));
    }

    [Fact]
    public void Escape_matches_aliyun_percent_encoding()
    {
        Assert.Equal(
            "a%20b%2Ac~d%21e%27f%28g%29h%2Bi%2Fj%3Ak%40l%25m%22n%3Co%3Ep%3Dq%26r%20%C3%A9",
            RpcSignature.Escape("a b*c~d!e'f(g)h+i/j:k@l%m\"n<o>p=q&r é"));
    }

    [Fact]
    public void The_canonical_query_escapes_exactly_as_Uri_EscapeDataString_does()
    {
        var random = new Random(29);
        char[] alphabet =
            ['a', 'Z', '0', '-', '_', '.', '~', ' ', '*', '!', '%', '&', '=', '+', '/', 'é', '中', '\uD83D', '\uDE00', '\u0000', '\uFFFF'];
        for (var i = 0; i < 2_000; i++)
        {
            string Text() => new([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var parameters = Enumerable.Range(0, random.Next(1, 5))
                .Select(n => new KeyValuePair<string, string>($"k{n}{Text()}", Text()))
                .ToList();
            var expected = string.Join('&', parameters
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

            Assert.Equal(expected, RpcSignature.CanonicalQuery(parameters));
            Assert.Equal("POST&%2F&" + Uri.EscapeDataString(expected), RpcSignature.StringToSign("POST", parameters));
        }
    }
}
