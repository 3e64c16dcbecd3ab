using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>Validates a config against the committed JSON Schema and binds it; the single gate for <c>invalid_config</c>.</summary>
public static class AliyunDirectMailConfigValidator
{
    // STUB (to be replaced by schema-driven validation): binds without checking the schema.
    public static AliyunDirectMailConfig Parse(JsonElement config)
    {
        try
        {
            return config.Deserialize(AliyunDirectMailJsonContext.Default.AliyunDirectMailConfig)
                ?? throw new ConnectorException(ConnectorErrorCode.InvalidConfig, "config is null");
        }
        catch (JsonException)
        {
            throw new ConnectorException(ConnectorErrorCode.InvalidConfig, "config does not match the schema");
        }
    }
}
