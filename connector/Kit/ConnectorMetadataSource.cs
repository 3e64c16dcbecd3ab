using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// What a connector states about itself, and the Logto metadata (connector-kit <c>ConnectorMetadata</c>) and descriptor built
/// from it: <c>formItems</c> come from the committed config schema, the logo is the package's <c>./logo.svg</c>, no
/// platform. Every getter returns fresh JSON nodes: a caller may add them to its own tree or change them without touching
/// anyone else's; the host instead writes the JSON straight into its <c>describe</c> answer.
/// </summary>
/// <param name="Id">Distinct from any official connector's, so both can be installed.</param>
/// <param name="Type">Logto's connector type, <c>Email</c> or <c>Sms</c>.</param>
/// <param name="Name">Per language; keys from @logto/language-kit's list (<c>zh-CN</c>, not <c>zh-Hans</c>), <c>en</c> required.</param>
/// <param name="Readme">Package-relative path of the operator's guide Logto's console shows beside the form.</param>
public sealed record ConnectorMetadataSource(
    string Id,
    string Type,
    string Target,
    IReadOnlyList<(string Language, string Text)> Name,
    IReadOnlyList<(string Language, string Text)> Description,
    string Readme,
    EmbeddedConfigSchema Schema)
{
    /// <summary>The config schema's text, exactly as committed.</summary>
    public string ConfigSchemaJson => Schema.Json;

    /// <summary>The config schema (JSON Schema draft 2020-12).</summary>
    public JsonObject ConfigSchema => Schema.Parse();

    /// <summary>Logto metadata: what <c>connectorMetadataGuard</c> checks and the admin console shows.</summary>
    public JsonObject Metadata => ConnectorDescriptor.ParseObject(WriteMetadata);

    /// <summary>The descriptor, its JSON written from this source when it is asked for (nothing is built before).</summary>
    public ConnectorDescriptor Descriptor => new(Id, Type, WriteMetadata, Schema.WriteTo) { ConfigSchemaPath = Schema.PackagePath };

    /// <summary>Writes the Logto metadata as one JSON object.</summary>
    public void WriteMetadata(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var schema = Schema.ParseDocument();
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("target", Target);
        writer.WriteNull("platform");
        WriteLocalized(writer, "name", Name);
        writer.WriteString("logo", "./logo.svg");
        writer.WriteNull("logoDark");
        WriteLocalized(writer, "description", Description);
        writer.WriteString("readme", Readme);
        writer.WritePropertyName("formItems");
        ConnectorConfigForm.Write(writer, schema.RootElement);
        writer.WriteEndObject();
    }

    private static void WriteLocalized(Utf8JsonWriter writer, string name, IReadOnlyList<(string Language, string Text)> texts)
    {
        writer.WriteStartObject(name);
        foreach (var (language, text) in texts)
        {
            writer.WriteString(language, text);
        }

        writer.WriteEndObject();
    }
}
