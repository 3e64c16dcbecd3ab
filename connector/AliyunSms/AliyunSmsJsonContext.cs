using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSms;

/// <summary>Every JSON type the connector binds, source-generated (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AliyunSmsConfig))]
[JsonSerializable(typeof(SmsTemplateConfig))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class AliyunSmsJsonContext : JsonSerializerContext;
