using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Host.Tests.Support;

/// <summary>
/// The client side of the framing, written independently of the host's reader and strict on purpose: the host must write
/// exactly <c>Content-Length: N\r\n\r\n</c> + N bytes of JSON, nothing else, no BOM.
/// </summary>
internal static partial class FrameCodec
{
    public static byte[] Encode(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    /// <summary>The next frame's JSON, or null at end of stream. Anything that is not a well-formed frame throws.</summary>
    public static async Task<JsonNode?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(header))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return header.Count == 0 ? null : throw new InvalidDataException($"stream ended inside a header: {Show(header)}");
            }

            header.Add(one[0]);
            if (header.Count > 64)
            {
                throw new InvalidDataException($"not a frame header: {Show(header)}");
            }
        }

        var match = HeaderPattern().Match(Encoding.ASCII.GetString([.. header]));
        if (!match.Success)
        {
            throw new InvalidDataException($"not a frame header: {Show(header)}");
        }

        var body = new byte[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body, cancellationToken);
        if (body.AsSpan().StartsWith("\uFEFF"u8))
        {
            throw new InvalidDataException("frame body starts with a BOM");
        }

        return JsonNode.Parse(body);
    }

    private static bool EndsWithBlankLine(List<byte> header) =>
        header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n';

    private static string Show(List<byte> bytes) => Encoding.UTF8.GetString([.. bytes]).ReplaceLineEndings("⏎");

    [GeneratedRegex(@"\AContent-Length: ([0-9]{1,9})\r\n\r\n\z")]
    private static partial Regex HeaderPattern();
}
