using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.Connector.Aliyun;

/// <summary>The result of one attempt: the connector's result or Logto's error, and whether to retry.</summary>
internal sealed record SendAttemptOutcome
{
    private SendAttemptOutcome()
    {
    }

    public JsonElement Result { get; private init; }

    public ConnectorException? Error { get; private init; }

    public RetryReason Retry { get; private init; }

    /// <summary>Aliyun's <c>x-acs-retry-after</c>, when a throttled answer carried one.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public static SendAttemptOutcome Success(JsonElement result) => new() { Result = result };

    public static SendAttemptOutcome Failure(ConnectorException error, RetryReason retry = RetryReason.None, TimeSpan? retryAfter = null) =>
        new() { Error = error, Retry = retry, RetryAfter = retryAfter };
}
