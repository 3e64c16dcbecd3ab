using System.Text.Json;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunSms;

/// <summary>Validates a config against the committed, embedded JSON Schema and binds it (<see cref="ConfigValidator{TConfig}"/>).</summary>
public static class AliyunSmsConfigValidator
{
    private static readonly Lazy<ConfigValidator<AliyunSmsConfig>> Validator = new(() => new(
        AliyunSmsMetadata.Source.ConfigSchema, AliyunSmsJsonContext.Default.AliyunSmsConfig, [AliyunEndpoint.PatternCheck]));

    public static AliyunSmsConfig Parse(JsonElement config) => Validator.Value.Parse(config);
}
