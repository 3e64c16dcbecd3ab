using System.Text.Json.Serialization;

namespace Logto.Connector.Aliyun;

/// <summary>The library's JSON types, source-generated (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AliyunErrorData))]
[JsonSerializable(typeof(TransportErrorData))]
internal sealed partial class AliyunRpcJsonContext : JsonSerializerContext;
