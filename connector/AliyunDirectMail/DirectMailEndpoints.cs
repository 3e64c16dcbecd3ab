using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Where SingleSendMail goes: the config's <c>endpoint</c> when set (VPC endpoint, proxy, sandbox), else the region's public
/// endpoint. Table as in the official connector (<c>src/constant.ts</c>) and
/// https://www.alibabacloud.com/help/en/direct-mail/api-endpoints.
/// </summary>
internal static class DirectMailEndpoints
{
    public const string DefaultRegionId = "cn-hangzhou";

    private static readonly Dictionary<string, Uri> Regional = new(StringComparer.Ordinal)
    {
        ["cn-hangzhou"] = new("https://dm.aliyuncs.com/"),
        ["ap-southeast-1"] = new("https://dm.ap-southeast-1.aliyuncs.com/"),
        ["ap-southeast-2"] = new("https://dm.ap-southeast-2.aliyuncs.com/"),
        ["eu-central-1"] = new("https://dm.eu-central-1.aliyuncs.com/"),
        ["us-east-1"] = new("https://dm.us-east-1.aliyuncs.com/"),
    };

    public static string RegionIdOf(AliyunDirectMailConfig config) => config.RegionId ?? DefaultRegionId;

    public static Uri Resolve(AliyunDirectMailConfig config)
    {
        var regionId = RegionIdOf(config);
        if (!string.IsNullOrEmpty(config.Endpoint))
        {
            return AliyunEndpoint.Resolve(config.Endpoint, Regional[DefaultRegionId]);
        }

        return Regional.TryGetValue(regionId, out var endpoint)
            ? endpoint
            : throw new ConnectorException(
                ConnectorErrorCode.InvalidConfig, $"regionId must be one of {string.Join(", ", Regional.Keys)}.");
    }
}
