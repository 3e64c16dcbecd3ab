using System.Text.Encodings.Web;
using System.Text.Json;

namespace Logto.ConnectorHost.Protocol;

/// <summary>
/// How every frame escapes its strings: minimally, since frames go down a pipe and never into HTML (<c>'</c> and <c>+</c>
/// need no <c>\uXXXX</c>). <see cref="HostJsonContext.Wire"/> and the answers written by hand share it. The encoder builds
/// tables over all of Unicode when first used, which the first answer after a start need not wait for: what that answer
/// holds (ids, names, the version) is printable ASCII, which the encoder leaves as it is, so <see cref="WriteStringValue"/>
/// copies such text and leaves everything else to the encoder.
/// </summary>
internal static class WireEncoding
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>For writers that escape with <see cref="Encoder"/> whatever they write.</summary>
    public static JsonWriterOptions WriterOptions => new() { Encoder = Encoder };

    /// <summary>
    /// For writers that write only property names from the code (plain ASCII, left as they are by any encoder) and string
    /// values through <see cref="WriteStringValue"/>: they never build the encoder's tables themselves.
    /// </summary>
    public static JsonWriterOptions PlainWriterOptions => default;

    /// <summary>Writes <paramref name="text"/> as a JSON string, the same bytes a writer with <see cref="Encoder"/> writes.</summary>
    public static void WriteStringValue(Utf8JsonWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        if (!IsLeftAsItIs(text))
        {
            writer.WriteStringValue(JsonEncodedText.Encode(text, Encoder));
            return;
        }

        Span<byte> quoted = text.Length <= 256 ? stackalloc byte[text.Length + 2] : new byte[text.Length + 2];
        quoted[0] = (byte)'"';
        for (var i = 0; i < text.Length; i++)
        {
            quoted[i + 1] = (byte)text[i];
        }

        quoted[^1] = (byte)'"';
        writer.WriteRawValue(quoted, skipInputValidation: true);
    }

    /// <summary>Printable ASCII other than <c>"</c> and <c>\</c>: what <see cref="Encoder"/> never escapes.</summary>
    private static bool IsLeftAsItIs(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }
}
