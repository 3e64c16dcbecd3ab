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

    /// <summary>The config schema's <c>pattern</c> for <c>endpoint</c> (ECMAScript).</summary>
    public const string EndpointPattern = "^https?://";

    /// <summary>What <see cref="EndpointPattern"/> matches: text that starts with <c>http://</c> or <c>https://</c>, case-sensitive.</summary>
    public static readonly ConfigSchemaPattern EndpointPatternCheck = new(
        EndpointPattern, static text => text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal));

    private static readonly Dictionary<string, Uri> Regional = new(StringComparer.Ordinal)
    {
        ["cn-hangzhou"] = new("https://dm.aliyuncs.com/"),
        ["ap-southeast-1"] = new("https://dm.ap-southeast-1.aliyuncs.com/"),
        ["ap-southeast-2"] = new("https://dm.ap-southeast-2.aliyuncs.com/"),
        ["eu-central-1"] = new("https://dm.eu-central-1.aliyuncs.com/"),
        ["us-east-1"] = new("https://dm.us-east-1.aliyuncs.com/"),
    };

    public static IReadOnlyCollection<string> RegionIds => Regional.Keys;

    public static string RegionIdOf(AliyunDirectMailConfig config) => config.RegionId ?? DefaultRegionId;

    public static Uri Resolve(AliyunDirectMailConfig config)
    {
        if (!string.IsNullOrEmpty(config.Endpoint))
        {
            if (Uri.TryCreate(config.Endpoint, UriKind.Absolute, out var custom) && (custom.Scheme == Uri.UriSchemeHttps || custom.Scheme == Uri.UriSchemeHttp))
            {
                return custom;
            }

            throw new ConnectorException(ConnectorErrorCode.InvalidConfig, "endpoint must be an absolute http(s) URL.");
        }

        var regionId = RegionIdOf(config);
        return Regional.TryGetValue(regionId, out var endpoint)
            ? endpoint
            : throw new ConnectorException(ConnectorErrorCode.InvalidConfig, $"regionId must be one of {string.Join(", ", Regional.Keys)}.");
    }

    /// <summary>The endpoint as shown in error messages: scheme, host, port and path, never user info or a query.</summary>
    public static string Display(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
