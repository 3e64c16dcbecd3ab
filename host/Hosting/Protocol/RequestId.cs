using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>
/// A JSON-RPC request id: a string or an integer (fractional numbers, integers beyond 64 bits and <c>null</c> are refused as
/// invalid requests). A string may hold lone surrogates (JSON can escape them, JavaScript strings can hold them): it is kept
/// as sent and written back with the same escapes, so such a request is answered, and cancelled, like any other.
/// </summary>
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

    /// <summary>Reads an id from a parsed message; false for anything but a string or an integer.</summary>
    public static bool TryRead(JsonElement element, out RequestId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                id = new RequestId(JsonText.GetStringLenient(element));
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
        if (text is not null && JsonText.IsWellFormed(text))
        {
            WireEncoding.WriteStringValue(writer, text);
        }
        else if (text is not null)
        {
            // Utf8JsonWriter would replace a lone surrogate with U+FFFD: the client would not recognise its id.
            writer.WriteRawValue(JsonText.Quote(text), skipInputValidation: true);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }

    public bool Equals(RequestId other) => string.Equals(text, other.text, StringComparison.Ordinal) && number == other.number;

    public override bool Equals(object? obj) => obj is RequestId other && Equals(other);

    public override int GetHashCode() => text is null ? number.GetHashCode() : StringComparer.Ordinal.GetHashCode(text);

    /// <summary>The id for logs: a string id JSON-quoted (control characters and lone surrogates as <c>\uXXXX</c>) and cut short.</summary>
    public override string ToString() => text is null ? number.ToString(CultureInfo.InvariantCulture) : Logging.LogText.Quoted(text);

    public static bool operator ==(RequestId left, RequestId right) => left.Equals(right);

    public static bool operator !=(RequestId left, RequestId right) => !left.Equals(right);
}
