using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The <c>general</c> error data for an Aliyun error body, as the official connector builds it:
/// <c>{ errorDescription: Message, Code, RequestId?, HostId?, Recommend? }</c> (absent members omitted).
/// </summary>
internal sealed record AliyunErrorData(
    [property: JsonPropertyName("errorDescription")] string ErrorDescription,
    [property: JsonPropertyName("Code")] string Code,
    [property: JsonPropertyName("RequestId")] string? RequestId,
    [property: JsonPropertyName("HostId")] string? HostId,
    [property: JsonPropertyName("Recommend")] string? Recommend);
