namespace Logto.Connector.AliyunSandbox.Http;

/// <summary>One parsed HTTP/1.x request: origin-form target split into path and raw query, headers in order, the whole body.</summary>
internal sealed record SandboxHttpRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
