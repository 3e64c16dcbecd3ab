using System.Buffers;
using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// Serializes responses to the UTF-8 bytes of one frame body (or one batch member). Successes are written by hand, the same
/// bytes <see cref="HostJsonContext"/> writes for a <see cref="JsonRpcResponse"/> (a test holds them equal): its metadata is
/// created on first use, by reflection over the type's attributes, which would delay the first answer after every start.
/// </summary>
internal static class JsonRpcReplies
{
    /// <summary>The <c>{}</c> result (<see cref="Protocol.EmptyResult"/>), parsed rather than serialized for the same reason.</summary>
    public static JsonElement EmptyResult { get; } = JsonDocument.Parse("{}"u8.ToArray()).RootElement;

    public static byte[] Success(RequestId id, JsonElement result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = StartSuccess(buffer, id, WireEncoding.WriterOptions))
        {
            result.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A success whose result is UTF-8 JSON the host wrote itself, copied as it is; the envelope is written without the
    /// encoder (<see cref="WireEncoding.PlainWriterOptions"/>), so that <c>initialize</c>'s answer does not wait for it.
    /// </summary>
    public static byte[] Success(RequestId id, ReadOnlyMemory<byte> result)
    {
        var buffer = new ArrayBufferWriter<byte>(result.Length + 64);
        using (var writer = StartSuccess(buffer, id, WireEncoding.PlainWriterOptions))
        {
            writer.WriteRawValue(result.Span, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(RequestId? id, JsonRpcError error) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonRpcErrorResponse { Id = id, Error = error }, HostJsonContext.Wire.JsonRpcErrorResponse);

    /// <summary><c>{"jsonrpc":"2.0","id":…,"result":</c>, the result itself left to the caller.</summary>
    private static Utf8JsonWriter StartSuccess(ArrayBufferWriter<byte> buffer, RequestId id, JsonWriterOptions options)
    {
        var writer = new Utf8JsonWriter(buffer, options);
        writer.WriteStartObject();
        writer.WritePropertyName("jsonrpc"u8);
        WireEncoding.WriteStringValue(writer, ProtocolNames.JsonRpcVersion);
        writer.WritePropertyName("id"u8);
        id.WriteTo(writer);
        writer.WritePropertyName("result"u8);
        return writer;
    }
}
