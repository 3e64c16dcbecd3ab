using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// What a connector declares: its id, Logto type (<c>Email</c>, <c>Sms</c>), Logto metadata and config JSON Schema. The two
/// JSON values are kept as what writes them: the host copies them into its <c>describe</c> answer without building nodes, and
/// <see cref="Metadata"/> and <see cref="ConfigSchema"/> hand out fresh nodes to whoever wants them.
/// </summary>
public sealed record ConnectorDescriptor
{
    private readonly Action<Utf8JsonWriter> writeMetadata;
    private readonly Action<Utf8JsonWriter> writeConfigSchema;

    /// <summary>From nodes (a connector's hand-written descriptor, a test); they are written as they are when asked for.</summary>
    public ConnectorDescriptor(string id, string type, JsonObject metadata, JsonObject configSchema)
        : this(id, type, WriterOf(metadata), WriterOf(configSchema))
    {
    }

    /// <summary>From what writes each JSON object to a writer (<see cref="ConnectorMetadataSource.Descriptor"/>).</summary>
    public ConnectorDescriptor(string id, string type, Action<Utf8JsonWriter> writeMetadata, Action<Utf8JsonWriter> writeConfigSchema)
    {
        ArgumentNullException.ThrowIfNull(writeMetadata);
        ArgumentNullException.ThrowIfNull(writeConfigSchema);
        Id = id;
        Type = type;
        this.writeMetadata = writeMetadata;
        this.writeConfigSchema = writeConfigSchema;
    }

    public string Id { get; init; }

    public string Type { get; init; }

    /// <summary>Logto metadata (connector-kit <c>ConnectorMetadata</c>), a fresh copy on every call.</summary>
    public JsonObject Metadata => ParseObject(writeMetadata);

    /// <summary>The config JSON Schema, a fresh copy on every call.</summary>
    public JsonObject ConfigSchema => ParseObject(writeConfigSchema);

    /// <summary>Logto's i18n email template, looked up by the bridge for each send (<see cref="SendMessageContext"/>).</summary>
    public const string I18nEmailTemplate = "i18nEmailTemplate";

    /// <summary>Where the config schema lies in the connector's npm package (the manifest's <c>configSchema</c>).</summary>
    public string ConfigSchemaPath
    {
        get => field ?? $"./schema/{Id}.config.schema.json";
        init;
    }

    /// <summary>
    /// What the bridge asks Logto for before each send and passes along: Logto offers i18n email templates to email connectors
    /// only, so by default an <c>Email</c> connector gets <see cref="I18nEmailTemplate"/> and others nothing.
    /// </summary>
    public IReadOnlyList<string> SendMessageContext
    {
        get => field ?? (Type == "Email" ? [I18nEmailTemplate] : []);
        init;
    }

    /// <summary>Writes the Logto metadata as one JSON object.</summary>
    public void WriteMetadata(Utf8JsonWriter writer) => writeMetadata(writer);

    /// <summary>Writes the config schema as one JSON object.</summary>
    public void WriteConfigSchema(Utf8JsonWriter writer) => writeConfigSchema(writer);

    /// <summary>The object <paramref name="write"/> writes, as a node of its own.</summary>
    public static JsonObject ParseObject(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    private static Action<Utf8JsonWriter> WriterOf(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return writer => node.WriteTo(writer);
    }
}
