namespace Logto.Connector.Aliyun;

/// <summary>Host-level settings of an Aliyun RPC connector (not per tenant), bound with <c>IOptions</c>.</summary>
public sealed class AliyunRpcOptions
{
    /// <summary>The named <c>HttpClient</c> the connectors ask <c>IHttpClientFactory</c> for.</summary>
    public const string HttpClientName = "Logto.Connector.Aliyun";

    /// <summary>
    /// How long one <c>sendMessage</c> may take in all: every attempt (connect, send, read the answer) and the waits between
    /// them. The official connectors set none.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Answers larger than this are refused; Aliyun's are a few hundred bytes.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Attempts per <c>sendMessage</c>, the first included; 1 turns retries off. A retry happens only when the message was
    /// certainly not accepted: a <c>Throttling*</c> answer, or a refused TCP connection.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first backoff; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also for Aliyun's <c>x-acs-retry-after</c>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(3);
}
