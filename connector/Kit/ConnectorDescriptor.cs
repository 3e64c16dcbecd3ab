using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>What a connector declares: its id, Logto type (<c>Email</c>, <c>Sms</c>), Logto metadata and config JSON Schema.</summary>
public sealed record ConnectorDescriptor(string Id, string Type, JsonObject Metadata, JsonObject ConfigSchema)
{
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
}
