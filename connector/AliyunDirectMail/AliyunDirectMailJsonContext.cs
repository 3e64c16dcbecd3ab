using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>Every JSON type the connector reads or writes, source-generated (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
// Config
[JsonSerializable(typeof(AliyunDirectMailConfig))]
[JsonSerializable(typeof(TemplateConfig))]
// SingleSendMail results
[JsonSerializable(typeof(SingleSendMailResult))]
internal sealed partial class AliyunDirectMailJsonContext : JsonSerializerContext;
