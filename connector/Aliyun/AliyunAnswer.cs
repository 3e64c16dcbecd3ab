using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.Connector.Aliyun;

/// <summary>An Aliyun answer read by a connector: its result, or Logto's error with Aliyun's <c>Code</c> when there was one.</summary>
public sealed record AliyunAnswer
{
    private AliyunAnswer()
    {
    }

    public JsonElement Result { get; private init; }

    public ConnectorException? Error { get; private init; }

    /// <summary>Aliyun's <c>Code</c> (e.g. <c>Throttling.User</c>); the client retries throttling codes.</summary>
    public string? AliyunCode { get; private init; }

    public string? RequestId { get; private init; }

    public static AliyunAnswer Success(JsonElement result, string? requestId) => new() { Result = result, RequestId = requestId };

    public static AliyunAnswer Failure(ConnectorException error, string? aliyunCode = null, string? requestId = null) =>
        new() { Error = error, AliyunCode = aliyunCode, RequestId = requestId };

    /// <summary>
    /// <c>invalid_response</c> whose data is one sentence about this answer: never the body itself, which may be anything a
    /// proxy or an attacker-controlled endpoint sent (Logto copies error data into responses to signed-out users).
    /// </summary>
    public static AliyunAnswer Unreadable(string product, int status, string problem) => Failure(
        new ConnectorException(ConnectorErrorCode.InvalidResponse, $"{product} answered HTTP {status} with {problem}."));
}
