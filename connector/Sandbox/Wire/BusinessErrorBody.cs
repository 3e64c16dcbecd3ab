using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>
/// A business rejection answered with HTTP 200 (SMS's <c>isv.*</c> codes), in Aliyun's key order:
/// <c>{"Message":"触发分钟级流控Permits:1","RequestId":"…","Code":"isv.BUSINESS_LIMIT_CONTROL"}</c>.
/// </summary>
internal sealed record BusinessErrorBody
{
    [JsonPropertyName("Message")]
    public required string Message { get; init; }

    [JsonPropertyName("RequestId")]
    public required string RequestId { get; init; }

    [JsonPropertyName("Code")]
    public required string Code { get; init; }
}
