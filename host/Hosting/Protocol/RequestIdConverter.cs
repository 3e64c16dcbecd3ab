using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>Reads and writes <see cref="RequestId"/> as a JSON string or integer.</summary>
internal sealed class RequestIdConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new RequestId(ReadString(ref reader)),
        JsonTokenType.Number when reader.TryGetInt64(out var value) => new RequestId(value),
        _ => throw new JsonException("A request id must be a string or an integer."),
    };

    /// <summary>The string, lone surrogates kept (<c>GetString</c> throws on them).</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        ReadOnlySpan<byte> raw = reader.HasValueSequence
            ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)
            : reader.ValueSpan;
        return JsonText.DecodeLenient(raw);
    }

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.WriteTo(writer);
    }
}
