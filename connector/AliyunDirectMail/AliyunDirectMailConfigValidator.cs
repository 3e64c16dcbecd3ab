using System.Text.Json;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>Validates a config against the committed, embedded JSON Schema and binds it (<see cref="ConfigValidator{TConfig}"/>).</summary>
public static class AliyunDirectMailConfigValidator
{
    public const string ErrorName = ConfigValidator<AliyunDirectMailConfig>.ErrorName;

    private static readonly Lazy<ConfigValidator<AliyunDirectMailConfig>> Validator = new(() => new(
        AliyunDirectMailMetadata.Source.ConfigSchema,
        AliyunDirectMailJsonContext.Default.AliyunDirectMailConfig,
        [AliyunEndpoint.PatternCheck]));

    public static AliyunDirectMailConfig Parse(JsonElement config) => Validator.Value.Parse(config);
}
