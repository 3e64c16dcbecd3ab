using System.Buffers;
using System.Text.Json;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Connectors;

/// <summary>
/// A served connector, its descriptor read once; the secret fields and <c>describe</c>'s answer are built from it when first
/// needed.
/// </summary>
internal sealed class RegisteredConnector(IConnector connector, ConnectorDescriptor descriptor)
{
    private readonly Lazy<IReadOnlySet<string>> secretFields = new(() => FindSecretFields(descriptor));
    private readonly Lazy<JsonElement> description = new(() => Describe(descriptor));

    public IConnector Connector => connector;

    public ConnectorDescriptor Descriptor => descriptor;

    public string Id => descriptor.Id;

    /// <summary>The config fields the schema marks secret: redacted wherever a failure of this connector is reported.</summary>
    public IReadOnlySet<string> SecretFields => secretFields.Value;

    /// <summary><c>describe</c>'s answer: <c>{ id, type, metadata, configSchema }</c>.</summary>
    public JsonElement Description => description.Value;

    private static JsonElement Describe(ConnectorDescriptor descriptor)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WireEncoding.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", descriptor.Id);
            writer.WriteString("type", descriptor.Type);
            writer.WritePropertyName("metadata");
            descriptor.WriteMetadata(writer);
            writer.WritePropertyName("configSchema");
            descriptor.WriteConfigSchema(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static IReadOnlySet<string> FindSecretFields(ConnectorDescriptor descriptor)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            descriptor.WriteConfigSchema(writer);
        }

        using var schema = JsonDocument.Parse(buffer.WrittenMemory);
        return SecretRedactor.FindSecretFields(schema.RootElement);
    }
}
