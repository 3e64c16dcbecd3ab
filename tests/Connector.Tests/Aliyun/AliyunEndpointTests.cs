using System.Text.RegularExpressions;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Connector.Tests.Aliyun;

public class AliyunEndpointTests
{
    private static readonly Uri Public = new("https://dm.aliyuncs.com/");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_custom_endpoint_means_the_public_one(string? custom) =>
        Assert.Equal(Public, AliyunEndpoint.Resolve(custom, Public, allowHttp: false));

    [Theory]
    [InlineData("https://dm-vpc.cn-hangzhou.aliyuncs.com/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://127.8.9.10/")]
    public void Https_anywhere_and_http_on_loopback_are_accepted(string custom) =>
        Assert.Equal(new Uri(custom), AliyunEndpoint.Resolve(custom, Public, allowHttp: false));

    [Theory]
    [InlineData("http://dm.aliyuncs.com/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://localhost.example.com/")]
    public void Plain_http_elsewhere_is_invalid_config_unless_the_operator_allows_it(string custom)
    {
        var error = Assert.Throws<ConnectorException>(() => AliyunEndpoint.Resolve(custom, Public, allowHttp: false));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Contains(AliyunEndpoint.AllowHttpVariable, error.ErrorData!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new Uri(custom), AliyunEndpoint.Resolve(custom, Public, allowHttp: true));
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("not a url")]
    [InlineData("/relative")]
    public void An_endpoint_that_is_not_an_absolute_http_url_is_invalid_config(string custom)
    {
        var error = Assert.Throws<ConnectorException>(() => AliyunEndpoint.Resolve(custom, Public, allowHttp: true));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
    }

    [Fact]
    public void The_form_description_names_the_opt_in_variable() =>
        Assert.Contains(AliyunEndpoint.AllowHttpVariable, AliyunEndpoint.Description, StringComparison.Ordinal);

    [Fact]
    public void Display_leaves_out_user_info_and_query()
    {
        Assert.Equal("https://dm.example.com:8443/x", AliyunEndpoint.Display(new Uri("https://user:pw@dm.example.com:8443/x?token=1")));
    }

    [Fact]
    public void The_endpoint_pattern_check_matches_exactly_what_the_ECMAScript_regex_matches()
    {
        var regex = new Regex(AliyunEndpoint.Pattern, RegexOptions.ECMAScript);
        string[] corpus =
        [
            "", "http://", "https://", "http:/", "https:/x", "http://x", "https://dm.aliyuncs.com/", "HTTP://x", "Https://x",
            "httpss://x", " http://x", "\nhttp://x", "x\nhttps://x", "ftp://x", "http", "https:", "httpx://", "\uFEFFhttp://x",
        ];
        var random = new Random(6);
        var alphabet = "htps:/ H\n.x";
        var generated = Enumerable.Range(0, 5_000).Select(
            _ => new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)])]));

        foreach (var text in corpus.Concat(generated))
        {
            Assert.True(regex.IsMatch(text) == AliyunEndpoint.PatternCheck.IsMatch(text), $"disagree on '{text}'");
        }
    }
}
