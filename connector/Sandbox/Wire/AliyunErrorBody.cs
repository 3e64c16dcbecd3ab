using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>
/// Aliyun's error body.
/// https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis
/// </summary>
internal sealed record AliyunErrorBody
{
    [JsonPropertyName("RequestId")]
    public required string RequestId { get; init; }

    [JsonPropertyName("HostId")]
    public required string HostId { get; init; }

    [JsonPropertyName("Code")]
    public required string Code { get; init; }

    [JsonPropertyName("Message")]
    public required string Message { get; init; }

    [JsonPropertyName("Recommend")]
    public required string Recommend { get; init; }
}
