using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>A JSON-RPC request id: a string or an integer (fractional numbers and <c>null</c> are refused as invalid requests).</summary>
[JsonConverter(typeof(RequestIdConverter))]
internal readonly struct RequestId : IEquatable<RequestId>
{
    private readonly string? text;
    private readonly long number;

    public RequestId(string text)
    {
        this.text = text;
        number = 0;
    }

    public RequestId(long number)
    {
        text = null;
        this.number = number;
    }

    public bool IsString => text is not null;

    /// <summary>Reads an id from a parsed message; false for anything but a string or an integer.</summary>
    public static bool TryRead(JsonElement element, out RequestId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                id = new RequestId(element.GetString()!);
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var value):
                id = new RequestId(value);
                return true;
            default:
                id = default;
                return false;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (text is not null)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }

    public bool Equals(RequestId other) => string.Equals(text, other.text, StringComparison.Ordinal) && number == other.number;

    public override bool Equals(object? obj) => obj is RequestId other && Equals(other);

    public override int GetHashCode() => text is null ? number.GetHashCode() : StringComparer.Ordinal.GetHashCode(text);

    public override string ToString() => text is null ? number.ToString(CultureInfo.InvariantCulture) : JsonSerializer.Serialize(text, HostJsonContext.Wire.String);

    public static bool operator ==(RequestId left, RequestId right) => left.Equals(right);

    public static bool operator !=(RequestId left, RequestId right) => !left.Equals(right);
}
