using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Reads LSP base-protocol frames (<c>Content-Length: N\r\n\r\n</c> + N bytes of UTF-8 JSON) from a <see cref="PipeReader"/>.
/// Modelled on StreamJsonRpc's <c>HeaderDelimitedMessageHandler</c> (consumed/examined discipline, static header bytes, no
/// allocation for headers) but with the caps it lacks: header lines, the header section and the body are bounded. Other
/// headers (<c>Content-Type</c>) are ignored; bare <c>\n</c> line ends and blank lines between frames are tolerated.
/// A bad header is reported once as <see cref="LspFrameKind.Malformed"/>, then the reader skips to the next
/// <c>Content-Length:</c>; a frame over the limit is consumed as it arrives, never buffered whole. Nothing here throws on bad input.
/// </summary>
internal sealed class LspFrameReader(PipeReader input, long maxFrameBytes)
{
    internal const int MaxHeaderLineBytes = 1024;
    internal const int MaxHeaderSectionBytes = 8 * 1024;

    /// <summary>How much of an oversized or truncated body is kept to look for its id.</summary>
    internal const int IdRecoveryPrefixBytes = 64 * 1024;

    private static ReadOnlySpan<byte> ContentLengthName => "Content-Length"u8;

    private static ReadOnlySpan<byte> ContentLengthMarker => "Content-Length:"u8;

    private static ReadOnlySpan<byte> HeaderWhitespace => " \t"u8;

    /// <summary>RFC 9110 token characters: a header name made of anything else (a JSON line, say) is malformed.</summary>
    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private bool resynchronising;
    private bool ended;

    public long MaxFrameBytes => maxFrameBytes;

    public async ValueTask<LspFrame> ReadAsync(CancellationToken cancellationToken)
    {
        if (ended || (resynchronising && !await ResynchroniseAsync(cancellationToken).ConfigureAwait(false)))
        {
            return LspFrame.End;
        }

        var header = await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (header.Problem is not null)
        {
            return header.Ended ? MalformedAtEnd(header.Problem) : Resynchronise(header.Problem);
        }

        if (header.Ended)
        {
            return LspFrame.End;
        }

        return header.ContentLength > maxFrameBytes
            ? await SkipBodyAsync(header.ContentLength, cancellationToken).ConfigureAwait(false)
            : await ReadBodyAsync(header.ContentLength, cancellationToken).ConfigureAwait(false);
    }

    private LspFrame Resynchronise(string problem)
    {
        resynchronising = true;
        return LspFrame.Malformed(problem);
    }

    private LspFrame MalformedAtEnd(string problem)
    {
        ended = true;
        return LspFrame.Malformed(problem);
    }

    private async ValueTask<HeaderResult> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        long? contentLength = null;
        var sectionBytes = 0L;
        var sawHeaderLine = false;
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var lineStart = buffer;
            while (TryReadLine(ref buffer, out var line))
            {
                sectionBytes += line.Length + 1;
                line = TrimCarriageReturn(line);
                if (line.IsEmpty)
                {
                    if (!sawHeaderLine)
                    {
                        continue; // blank lines between frames
                    }

                    input.AdvanceTo(buffer.Start);
                    return contentLength is { } length ? HeaderResult.Ok(length) : HeaderResult.Bad("missing Content-Length header");
                }

                sawHeaderLine = true;
                var problem = line.Length > MaxHeaderLineBytes ? "header line too long"
                    : sectionBytes > MaxHeaderSectionBytes ? "header section too long"
                    : ParseHeaderLine(line, ref contentLength);
                if (problem is not null)
                {
                    // Skip one byte of the bad line only: the next header may hide inside it (e.g. after junk without a newline).
                    input.AdvanceTo(lineStart.GetPosition(1));
                    return HeaderResult.Bad(problem);
                }

                lineStart = buffer;
            }

            if (buffer.Length > MaxHeaderLineBytes)
            {
                input.AdvanceTo(buffer.GetPosition(1));
                return HeaderResult.Bad("header line too long");
            }

            if (result.IsCompleted)
            {
                var partial = sawHeaderLine || !IsBlank(buffer);
                input.AdvanceTo(buffer.End);
                ended = true;
                return partial ? HeaderResult.Bad("stream ended inside a frame header", ended: true) : HeaderResult.End;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<LspFrame> ReadBodyAsync(long length, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= length)
            {
                var body = buffer.Slice(0, length);
                var copy = body.ToArray();
                input.AdvanceTo(body.End);
                return LspFrame.Message(copy);
            }

            if (result.IsCompleted)
            {
                var id = RequestIdRecovery.TryRecover(buffer.Slice(0, Math.Min(buffer.Length, IdRecoveryPrefixBytes)));
                input.AdvanceTo(buffer.End);
                ended = true;
                return LspFrame.Malformed("stream ended inside a frame body", id);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<LspFrame> SkipBodyAsync(long length, CancellationToken cancellationToken)
    {
        var prefix = new byte[(int)Math.Min(length, IdRecoveryPrefixBytes)];
        var kept = 0;
        var remaining = length;
        while (remaining > 0)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var chunk = result.Buffer.Slice(0, Math.Min(remaining, result.Buffer.Length));
            if (kept < prefix.Length)
            {
                var take = chunk.Slice(0, Math.Min(chunk.Length, prefix.Length - kept));
                take.CopyTo(prefix.AsSpan(kept));
                kept += (int)take.Length;
            }

            remaining -= chunk.Length;
            input.AdvanceTo(chunk.End);
            if (remaining > 0 && result.IsCompleted)
            {
                ended = true;
                break;
            }
        }

        return LspFrame.TooLarge(length, RequestIdRecovery.TryRecover(prefix.AsMemory(0, kept)));
    }

    /// <summary>Discards input up to the next <c>Content-Length:</c>; false when the stream ends first.</summary>
    private async ValueTask<bool> ResynchroniseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> _, ContentLengthMarker, advancePastDelimiter: false))
            {
                input.AdvanceTo(reader.Position);
                resynchronising = false;
                return true;
            }

            if (result.IsCompleted)
            {
                input.AdvanceTo(buffer.End);
                ended = true;
                return false;
            }

            // Keep a tail that may be the start of a marker split across reads.
            var keep = Math.Min(buffer.Length, ContentLengthMarker.Length - 1);
            input.AdvanceTo(buffer.GetPosition(buffer.Length - keep), buffer.End);
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out line, (byte)'\n'))
        {
            buffer = buffer.Slice(reader.Position);
            return true;
        }

        return false;
    }

    private static ReadOnlySequence<byte> TrimCarriageReturn(ReadOnlySequence<byte> line)
    {
        if (line.IsEmpty)
        {
            return line;
        }

        var lastPosition = line.GetPosition(line.Length - 1);
        return line.Slice(lastPosition).FirstSpan[0] == (byte)'\r' ? line.Slice(0, line.Length - 1) : line;
    }

    private static bool IsBlank(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads one <c>name: value</c> line; returns the problem, or null. The text of a bad line is never echoed.</summary>
    private static string? ParseHeaderLine(ReadOnlySequence<byte> line, ref long? contentLength)
    {
        Span<byte> copy = stackalloc byte[MaxHeaderLineBytes];
        line.CopyTo(copy);
        var span = copy[..(int)line.Length];
        var colon = span.IndexOf((byte)':');
        if (colon <= 0)
        {
            return "malformed header line";
        }

        var name = span[..colon].TrimEnd(HeaderWhitespace);
        if (name.IsEmpty || name.IndexOfAnyExcept(TokenBytes) >= 0)
        {
            return "malformed header line";
        }

        if (!Ascii.EqualsIgnoreCase(name, ContentLengthName))
        {
            return null;
        }

        var value = span[(colon + 1)..].Trim(HeaderWhitespace);
        if (value.Length is 0 or > 19 || value[0] is < (byte)'0' or > (byte)'9'
            || !Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length)
        {
            return "invalid Content-Length header";
        }

        contentLength = length;
        return null;
    }

    private readonly record struct HeaderResult(long ContentLength, string? Problem, bool Ended)
    {
        public static HeaderResult End => new(0, null, true);

        public static HeaderResult Ok(long length) => new(length, null, false);

        public static HeaderResult Bad(string problem, bool ended = false) => new(0, problem, ended);
    }
}
