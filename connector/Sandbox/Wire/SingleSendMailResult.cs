using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>
/// SingleSendMail's success body.
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/api-dm-2015-11-23-singlesendmail
/// </summary>
internal sealed record SingleSendMailResult
{
    [JsonPropertyName("EnvId")]
    public required string EnvId { get; init; }

    [JsonPropertyName("RequestId")]
    public required string RequestId { get; init; }
}
