using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// What a connector states about itself, and the Logto metadata (connector-kit <c>ConnectorMetadata</c>) and descriptor built
/// from it: <c>formItems</c> come from the committed config schema, the logo is the package's <c>./logo.svg</c>, no
/// platform. Every getter returns fresh JSON nodes: a caller may add them to its own tree or change them without touching
/// anyone else's.
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
    public JsonObject Metadata => MetadataWith(ConfigSchema);

    public ConnectorDescriptor Descriptor
    {
        get
        {
            var schema = ConfigSchema;
            return new(Id, Type, MetadataWith(schema), schema) { ConfigSchemaPath = Schema.PackagePath };
        }
    }

    private JsonObject MetadataWith(JsonObject configSchema) => new()
    {
        ["id"] = Id,
        ["target"] = Target,
        ["platform"] = null,
        ["name"] = Localized(Name),
        ["logo"] = "./logo.svg",
        ["logoDark"] = null,
        ["description"] = Localized(Description),
        ["readme"] = Readme,
        ["formItems"] = ConnectorConfigForm.FromSchema(configSchema),
    };

    private static JsonObject Localized(IReadOnlyList<(string Language, string Text)> texts)
    {
        var localized = new JsonObject();
        foreach (var (language, text) in texts)
        {
            localized[language] = text;
        }

        return localized;
    }
}
