using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>
/// SendSms's success body, in Aliyun's key order.
/// https://help.aliyun.com/en/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
/// </summary>
internal sealed record SendSmsResult
{
    [JsonPropertyName("Message")]
    public required string Message { get; init; }

    [JsonPropertyName("RequestId")]
    public required string RequestId { get; init; }

    [JsonPropertyName("Code")]
    public required string Code { get; init; }

    [JsonPropertyName("BizId")]
    public required string BizId { get; init; }
}
