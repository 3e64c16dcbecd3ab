using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>Reads and writes <see cref="RequestId"/> as a JSON string or integer.</summary>
internal sealed class RequestIdConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new RequestId(reader.GetString()!),
        JsonTokenType.Number when reader.TryGetInt64(out var value) => new RequestId(value),
        _ => throw new JsonException("A request id must be a string or an integer."),
    };

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.WriteTo(writer);
    }
}
