using System.Buffers;
using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Connectors;

/// <summary>A served connector, its descriptor read once; the secret fields are looked up in its schema when first needed.</summary>
internal sealed class RegisteredConnector(IConnector connector, ConnectorDescriptor descriptor)
{
    private readonly Lazy<IReadOnlySet<string>> secretFields = new(() => FindSecretFields(descriptor));

    public IConnector Connector => connector;

    public ConnectorDescriptor Descriptor => descriptor;

    public string Id => descriptor.Id;

    /// <summary>The config fields the schema marks secret: redacted wherever a failure of this connector is reported.</summary>
    public IReadOnlySet<string> SecretFields => secretFields.Value;

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
