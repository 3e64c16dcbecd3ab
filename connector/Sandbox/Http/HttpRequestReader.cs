using System.Globalization;
using System.Text;

namespace Logto.Connector.AliyunSandbox.Http;

/// <summary>
/// Reads HTTP/1.0 and HTTP/1.1 requests off one connection: a head of at most 32 KiB and 100 header fields, then a
/// Content-Length body of at most 8 MiB. No chunked request bodies (411), no obsolete line folding (400).
/// Bytes past the current request stay buffered for the next one (keep-alive, pipelining).
/// </summary>
internal sealed class HttpRequestReader(Stream stream)
{
    public const int MaxHeadBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private static readonly byte[] HeadTerminator = "\r\n\r\n"u8.ToArray();

    private byte[] buffer = new byte[8 * 1024];
    private int start;
    private int end;

    /// <returns>The next request and whether the connection may stay open after it; null when the client closed between requests.</returns>
    public async Task<(SandboxHttpRequest Request, bool KeepAlive)?> ReadAsync(
        Func<CancellationToken, Task> sendContinueAsync, CancellationToken cancellationToken)
    {
        int headEnd;
        while ((headEnd = FindHeadEnd()) < 0)
        {
            if (end - start >= MaxHeadBytes)
            {
                throw new MalformedRequestException(431, "The request head is larger than 32 KiB.");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return end == start ? null : throw new EndOfStreamException("The client closed the connection mid-request.");
            }
        }

        var head = Encoding.Latin1.GetString(buffer, start, headEnd - start);
        start = headEnd + HeadTerminator.Length;
        var (method, target, version, headers) = ParseHead(head);
        var (path, query) = SplitTarget(target);
        var request = new SandboxHttpRequest(method, path, query, headers, []);

        var length = BodyLength(request);
        if (length > 0 && end - start < length &&
            string.Equals(request.Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await sendContinueAsync(cancellationToken).ConfigureAwait(false);
        }

        var body = await ReadBodyAsync(length, cancellationToken).ConfigureAwait(false);
        return (request with { Body = body }, KeepAlive(version, request.Header("Connection")));
    }

    private static (string Method, string Target, string Version, List<KeyValuePair<string, string>> Headers) ParseHead(string head)
    {
        // RFC 9112 §2.2: ignore empty lines before the request line.
        var lines = head.TrimStart('\r', '\n').Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0].Length == 0 || !requestLine[0].All(char.IsAsciiLetterUpper))
        {
            throw new MalformedRequestException(400, "Malformed request line.");
        }

        var version = requestLine[2];
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            throw version.StartsWith("HTTP/", StringComparison.Ordinal)
                ? new MalformedRequestException(505, "Only HTTP/1.0 and HTTP/1.1 are served.")
                : new MalformedRequestException(400, "Malformed request line.");
        }

        if (lines.Length - 1 > MaxHeaderCount)
        {
            throw new MalformedRequestException(431, "More than 100 header fields.");
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t' || char.IsWhiteSpace(line[colon - 1]))
            {
                throw new MalformedRequestException(400, "Malformed header field.");
            }

            headers.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }

        return (requestLine[0], requestLine[1], version, headers);
    }

    private static (string Path, string Query) SplitTarget(string target)
    {
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
            Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            target = absolute.PathAndQuery;
        }

        if (!target.StartsWith('/'))
        {
            throw new MalformedRequestException(400, "Only origin-form request targets are served.");
        }

        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? (target, "") : (target[..mark], target[(mark + 1)..]);
    }

    private static int BodyLength(SandboxHttpRequest request)
    {
        if (request.Header("Transfer-Encoding") is not null)
        {
            throw new MalformedRequestException(411, "Transfer-Encoding request bodies are not supported; send Content-Length.");
        }

        var declared = request.Headers
            .Where(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(','))
            .Select(v => v.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (declared.Count == 0)
        {
            return request.Method is "POST" or "PUT" or "PATCH"
                ? throw new MalformedRequestException(411, "Content-Length is required.")
                : 0;
        }

        if (declared.Count > 1 || !long.TryParse(declared[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new MalformedRequestException(400, "Invalid Content-Length.");
        }

        return length > MaxBodyBytes
            ? throw new MalformedRequestException(413, "The request body is larger than 8 MiB.")
            : (int)length;
    }

    private static bool KeepAlive(string version, string? connection)
    {
        var tokens = (connection ?? "").Split(',', StringSplitOptions.TrimEntries);
        return version == "HTTP/1.1"
            ? !tokens.Contains("close", StringComparer.OrdinalIgnoreCase)
            : tokens.Contains("keep-alive", StringComparer.OrdinalIgnoreCase);
    }

    private async Task<byte[]> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var buffered = Math.Min(length, end - start);
        buffer.AsSpan(start, buffered).CopyTo(body);
        start += buffered;
        if (buffered < length)
        {
            await stream.ReadExactlyAsync(body.AsMemory(buffered), cancellationToken).ConfigureAwait(false);
        }

        return body;
    }

    private int FindHeadEnd()
    {
        var index = buffer.AsSpan(start, end - start).IndexOf(HeadTerminator);
        return index < 0 ? -1 : start + index;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxHeadBytes + HeadTerminator.Length));
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        end += read;
        return read > 0;
    }
}
