using System.Net;
using Logto.ConnectorKit;

namespace Logto.Connector.Aliyun;

/// <summary>
/// Where a call goes: the config's <c>endpoint</c> when set (a VPC endpoint, a proxy, the local sandbox), else the product's
/// public endpoint. A signed request carries the AccessKey ID and a message's content, so plain <c>http://</c> is accepted only
/// for a loopback host unless the operator sets <see cref="AllowHttpVariable"/> to <c>1</c> (e.g. a VPC proxy without TLS).
/// </summary>
public static class AliyunEndpoint
{
    /// <summary>The environment variable that allows a plain-http endpoint on a non-loopback host.</summary>
    public const string AllowHttpVariable = "LOGTO_CONNECTOR_ALLOW_HTTP_ENDPOINT";

    /// <summary>The config schema's <c>pattern</c> for <c>endpoint</c> (ECMAScript).</summary>
    public const string Pattern = "^https?://";

    /// <summary>The <c>endpoint</c> field's description in every Aliyun connector's form.</summary>
    public const string Description =
        "Optional https URL used instead of the public endpoint: a VPC endpoint, a proxy, or the local sandbox. Plain http is " +
        "accepted only for localhost unless the host's environment sets " + AllowHttpVariable + "=1.";

    /// <summary>What <see cref="Pattern"/> matches: text that starts with <c>http://</c> or <c>https://</c>, case-sensitive.</summary>
    public static readonly ConfigSchemaPattern PatternCheck = new(
        Pattern,
        static text => text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal));

    /// <summary>
    /// The custom endpoint when one is set, else <paramref name="publicEndpoint"/>; an unusable one is <c>invalid_config</c>.
    /// </summary>
    public static Uri Resolve(string? custom, Uri publicEndpoint, bool? allowHttp = null)
    {
        ArgumentNullException.ThrowIfNull(publicEndpoint);
        if (string.IsNullOrEmpty(custom))
        {
            return publicEndpoint;
        }

        if (!Uri.TryCreate(custom, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException(ConnectorErrorCode.InvalidConfig, "endpoint must be an absolute http(s) URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri) && !(allowHttp ?? HttpAllowedByOperator()))
        {
            throw new ConnectorException(
                ConnectorErrorCode.InvalidConfig,
                $"endpoint must use https (plain http is accepted for localhost only, unless the host sets {AllowHttpVariable}=1).");
        }

        return uri;
    }

    /// <summary>The endpoint as errors and logs show it: scheme, host, port and path, never user info or a query.</summary>
    public static string Display(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static bool HttpAllowedByOperator() => Environment.GetEnvironmentVariable(AllowHttpVariable) == "1";
}
