using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>What <c>sendMessage</c> returns on success, like the official connector: <c>{EnvId, RequestId}</c>.</summary>
internal sealed record SingleSendMailResult(
    [property: JsonPropertyName("EnvId")] string EnvId,
    [property: JsonPropertyName("RequestId")] string RequestId);
