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
// SingleSendMail results and error data
[JsonSerializable(typeof(SingleSendMailResult))]
[JsonSerializable(typeof(AliyunErrorData))]
[JsonSerializable(typeof(TransportErrorData))]
// Handlebars: an array's `length`
[JsonSerializable(typeof(int))]
internal sealed partial class AliyunDirectMailJsonContext : JsonSerializerContext;
