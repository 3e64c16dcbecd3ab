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

    /// <summary>
    /// The regions in the form's order, titled as Aliyun and the official connector name them. The config schema's
    /// <c>regionId</c> (<c>enum</c>, <c>x-enumTitles</c>) is generated from this list.
    /// </summary>
    public static IReadOnlyList<DirectMailRegion> Regions { get; } =
    [
        new(DefaultRegionId, "China (Hangzhou)", new("https://dm.aliyuncs.com/")),
        new("ap-southeast-1", "Singapore", new("https://dm.ap-southeast-1.aliyuncs.com/")),
        new("ap-southeast-2", "United States (formerly Sydney)", new("https://dm.ap-southeast-2.aliyuncs.com/")),
        new("eu-central-1", "Germany (Frankfurt)", new("https://dm.eu-central-1.aliyuncs.com/")),
        new("us-east-1", "US (Virginia)", new("https://dm.us-east-1.aliyuncs.com/")),
    ];

    private static readonly Dictionary<string, Uri> Regional =
        Regions.ToDictionary(region => region.Id, region => region.Endpoint, StringComparer.Ordinal);

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

/// <summary>A Direct Mail region: its id, its title in the config form, and its public endpoint.</summary>
internal sealed record DirectMailRegion(string Id, string Title, Uri Endpoint);
