using System.Net;
using System.Text;
using Logto.Connector.AliyunSandbox.Http;

namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>
/// The query parameters, then the form parameters, decoded (<c>+</c> and <c>%20</c> are both a space), in the order received.
/// The V1 signature covers the union: the official SDK puts common parameters in the query and business ones in the form,
/// Logto puts everything in the form.
/// https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
/// </summary>
internal sealed class RequestParameters
{
    private readonly Dictionary<string, string> first = new(StringComparer.Ordinal);

    private RequestParameters(List<KeyValuePair<string, string>> all, string rawBody)
    {
        All = all;
        RawBody = rawBody;
        foreach (var (name, value) in all)
        {
            first.TryAdd(name, value);
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> All { get; }

    public string RawBody { get; }

    /// <summary>The first value received for <paramref name="name"/>, or null.</summary>
    public string? this[string name] => first.GetValueOrDefault(name);

    public static RequestParameters From(SandboxHttpRequest request)
    {
        var all = ParseForm(request.Query);
        var rawBody = request.Body.Length == 0 ? "" : Encoding.UTF8.GetString(request.Body);
        var contentType = request.Header("Content-Type") ?? "";
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            all.AddRange(ParseForm(rawBody));
        }

        return new RequestParameters(all, rawBody);
    }

    private static List<KeyValuePair<string, string>> ParseForm(string encoded)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var field in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (field, "") : (field[..equals], field[(equals + 1)..]);
            pairs.Add(new(WebUtility.UrlDecode(name), WebUtility.UrlDecode(value)));
        }

        return pairs;
    }
}
