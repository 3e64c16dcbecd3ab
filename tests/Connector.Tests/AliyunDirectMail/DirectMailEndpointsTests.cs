using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.Aliyun;
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
        var endpoint = DirectMailEndpoints.Resolve(
            Config with { RegionId = "us-east-1", Endpoint = "https://dm-vpc.cn-hangzhou.aliyuncs.com/" });

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
}
