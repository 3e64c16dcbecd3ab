using System.Text.RegularExpressions;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

public class DirectMailEndpointsTests
{
    private static readonly AliyunDirectMailConfig Config = TestConfigs.Record([new("Generic", "s", "c")]);

    [Theory]
    [InlineData(null, "https://dm.aliyuncs.com/")]
    [InlineData("cn-hangzhou", "https://dm.aliyuncs.com/")]
    [InlineData("ap-southeast-1", "https://dm.ap-southeast-1.aliyuncs.com/")]
    [InlineData("ap-southeast-2", "https://dm.ap-southeast-2.aliyuncs.com/")]
    [InlineData("eu-central-1", "https://dm.eu-central-1.aliyuncs.com/")]
    [InlineData("us-east-1", "https://dm.us-east-1.aliyuncs.com/")]
    public void Resolve_uses_the_official_region_table(string? regionId, string expected) =>
        Assert.Equal(new Uri(expected), DirectMailEndpoints.Resolve(Config with { RegionId = regionId }));

    [Fact]
    public void Resolve_prefers_a_custom_endpoint_over_the_region()
    {
        var endpoint = DirectMailEndpoints.Resolve(Config with { RegionId = "us-east-1", Endpoint = "https://dm-vpc.cn-hangzhou.aliyuncs.com/" });

        Assert.Equal(new Uri("https://dm-vpc.cn-hangzhou.aliyuncs.com/"), endpoint);
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("not a url")]
    public void Resolve_refuses_an_endpoint_that_is_not_http(string endpoint)
    {
        var error = Assert.Throws<ConnectorException>(() => DirectMailEndpoints.Resolve(Config with { Endpoint = endpoint }));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
    }

    [Fact]
    public void Display_leaves_out_user_info_and_query()
    {
        Assert.Equal("https://dm.example.com:8443/x", DirectMailEndpoints.Display(new Uri("https://user:pw@dm.example.com:8443/x?token=1")));
    }

    [Fact]
    public void The_endpoint_pattern_check_matches_exactly_what_the_ECMAScript_regex_matches()
    {
        var regex = new Regex(DirectMailEndpoints.EndpointPattern, RegexOptions.ECMAScript);
        string[] corpus =
        [
            "", "http://", "https://", "http:/", "https:/x", "http://x", "https://dm.aliyuncs.com/", "HTTP://x", "Https://x",
            "httpss://x", " http://x", "\nhttp://x", "x\nhttps://x", "ftp://x", "http", "https:", "httpx://", "\uFEFFhttp://x",
        ];
        var random = new Random(6);
        var alphabet = "htps:/ H\n.x";
        var generated = Enumerable.Range(0, 5_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)])]));

        foreach (var text in corpus.Concat(generated))
        {
            Assert.True(regex.IsMatch(text) == DirectMailEndpoints.EndpointPatternCheck.IsMatch(text), $"disagree on '{text}'");
        }
    }
}
