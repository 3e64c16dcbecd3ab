using System.Text.Encodings.Web;
using System.Text.Json;

namespace Logto.ConnectorHost.Protocol;

/// <summary>
/// How every frame escapes its strings: minimally, since frames go down a pipe and never into HTML (<c>'</c> and <c>+</c>
/// need no <c>\uXXXX</c>). <see cref="HostJsonContext.Wire"/> and the answers written by hand share it; the hand-written ones
/// use it directly, so that the first answer after a start does not build the serializer's options and context.
/// </summary>
internal static class WireEncoding
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonWriterOptions WriterOptions => new() { Encoder = Encoder };
}
