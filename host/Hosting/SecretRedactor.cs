using System.Buffers;
using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost;

/// <summary>
/// Masks a config's secret values wherever they would leave the host (error data, messages, logs). A field is secret when the
/// connector's config schema marks it (<c>writeOnly</c>, <c>format: password</c>, <c>x-secret</c>/<c>x-logto-secret</c>/
/// <c>sensitive</c>/<c>isConfidential</c>/<c>airbyte_secret</c>, or an <c>x-*</c> object with <c>isConfidential</c>) or when its
/// name says so (secret, password, token, apiKey, privateKey, credential). Config names and values are read leniently: a
/// lone surrogate escape in a config must not turn a connector's answer into a host failure.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    // Shorter values are masked only where they are a whole string, so "abc" does not blank every "abc" in a message.
    private const int MinimumSubstringLength = 4;

    private static readonly string[] SecretNameParts = ["secret", "password", "passwd", "token", "apikey", "privatekey", "credential"];
    private static readonly string[] SecretFlags =
        ["x-secret", "x-logto-secret", "sensitive", "x-sensitive", "isConfidential", "airbyte_secret"];

    private readonly string[] secrets;

    private SecretRedactor(string[] secrets) => this.secrets = secrets;

    public static SecretRedactor None { get; } = new([]);

    public bool IsEmpty => secrets.Length == 0;

    /// <summary>The names of the properties the schema marks secret, at any depth.</summary>
    public static IReadOnlySet<string> FindSecretFields(JsonElement schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        CollectSecretFields(schema, names);
        return names;
    }

    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return SecretNameParts.Any(part => lower.Contains(part, StringComparison.Ordinal));
    }

    /// <summary>A redactor for the string values of <paramref name="config"/>'s secret fields.</summary>
    public static SecretRedactor ForConfig(JsonElement config, IReadOnlySet<string> secretFields)
    {
        ArgumentNullException.ThrowIfNull(secretFields);
        var values = new HashSet<string>(StringComparer.Ordinal);
        CollectSecretValues(config, secretFields, values);
        return values.Count == 0 ? None : new SecretRedactor([.. values.OrderByDescending(value => value.Length)]);
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets)
        {
            if (secret.Length >= MinimumSubstringLength)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
            else if (text == secret)
            {
                return Mask;
            }
        }

        return text;
    }

    /// <summary>A copy of <paramref name="value"/> with every string (and property name) redacted.</summary>
    public JsonElement Redact(JsonElement value)
    {
        if (IsEmpty)
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(Redact(JsonText.NameOf(property)));
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Redact(JsonText.GetStringLenient(value)));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void CollectSecretFields(JsonElement schema, HashSet<string> names)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in schema.EnumerateObject())
                {
                    if (member.NameEquals("properties"u8) && member.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in member.Value.EnumerateObject().Where(property => IsMarkedSecret(property.Value)))
                        {
                            names.Add(property.Name);
                        }
                    }

                    CollectSecretFields(member.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    CollectSecretFields(item, names);
                }

                break;
        }
    }

    private static bool IsMarkedSecret(JsonElement property)
    {
        if (property.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (IsTrue(property, "writeOnly")
            || (property.TryGetProperty("format"u8, out var format)
                && format.ValueKind == JsonValueKind.String
                && format.ValueEquals("password"u8)))
        {
            return true;
        }

        return SecretFlags.Any(flag => IsTrue(property, flag))
            || property.EnumerateObject().Any(member => member.Name.StartsWith("x-", StringComparison.Ordinal)
                && member.Value.ValueKind == JsonValueKind.Object
                && (IsTrue(member.Value, "isConfidential") || IsTrue(member.Value, "secret") || IsTrue(member.Value, "sensitive")));
    }

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static void CollectSecretValues(JsonElement value, IReadOnlySet<string> secretFields, HashSet<string> values)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var name = JsonText.NameOf(property);
                    if (property.Value.ValueKind == JsonValueKind.String && (secretFields.Contains(name) || IsSecretName(name)))
                    {
                        var secret = JsonText.GetStringLenient(property.Value);
                        if (secret.Length > 0)
                        {
                            values.Add(secret);
                        }
                    }

                    CollectSecretValues(property.Value, secretFields, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    CollectSecretValues(item, secretFields, values);
                }

                break;
        }
    }
}
