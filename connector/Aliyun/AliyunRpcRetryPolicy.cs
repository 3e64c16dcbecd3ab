using Microsoft.Extensions.Logging;

namespace Logto.Connector.Aliyun;

/// <summary>
/// The retry around "sign + send": bounded (<see cref="AliyunRpcOptions.MaxAttempts"/>), exponential backoff with
/// jitter, Aliyun's <c>x-acs-retry-after</c> honoured up to <see cref="AliyunRpcOptions.RetryMaxDelay"/>, and only for
/// attempts Aliyun certainly did not accept (<see cref="RetryReason"/>). Neither SingleSendMail nor SendSms has an idempotency
/// token, so a timeout, a reset mid-answer, a 5xx or an unreadable answer is never repeated: the message may be on its way.
/// Retry guidance: https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis (Throttling*), and each
/// retry needs a new SignatureNonce and Timestamp: https://www.alibabacloud.com/help/en/direct-mail/developer-reference/common-parameters
/// </summary>
/// <remarks>
/// A loop of our own rather than Polly.Core's retry strategy, for a measured reason: Polly validates its options with
/// DataAnnotations, which brings System.ComponentModel's reflection (TypeDescriptor) and, through RegularExpressionAttribute,
/// the whole regex engine into the Native AOT host, and runs that reflection at every start.
/// </remarks>
internal sealed class AliyunRpcRetryPolicy
{
    private readonly AliyunRpcOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    private AliyunRpcRetryPolicy(AliyunRpcOptions options, TimeProvider timeProvider, ILogger logger)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public static AliyunRpcRetryPolicy Create(AliyunRpcOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Validate(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        return new AliyunRpcRetryPolicy(options, timeProvider, logger);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or <c>MaxAttempts</c> are used; waits are cancelled
    /// by <paramref name="cancellationToken"/>.
    /// </summary>
    public async ValueTask<SendAttemptOutcome> ExecuteAsync(
        Func<CancellationToken, ValueTask<SendAttemptOutcome>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var made = 1; ; made++)
        {
            var outcome = await attempt(cancellationToken).ConfigureAwait(false);
            if (outcome.Retry == RetryReason.None || made >= options.MaxAttempts)
            {
                return outcome;
            }

            var delay = RetryAfterDelay(outcome, options.RetryMaxDelay)
                ?? BackoffDelay(made, options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared.NextDouble());
            LogRetry(made, outcome, delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Aliyun's own hint when it sent one, never longer than <paramref name="maxDelay"/>; else null (the backoff decides).
    /// </summary>
    internal static TimeSpan? RetryAfterDelay(SendAttemptOutcome? failed, TimeSpan maxDelay) =>
        failed?.RetryAfter is { } retryAfter ? (retryAfter < maxDelay ? retryAfter : maxDelay) : null;

    /// <summary>
    /// The wait after failed attempt <paramref name="failedAttempt"/> (1-based): <c>baseDelay · 2^(n−1)</c>, capped at
    /// <paramref name="maxDelay"/>, then "equal jitter": a uniform point in its upper half, so retries of concurrent sends
    /// spread out but never come sooner than half the backoff. <paramref name="jitter"/> is in [0, 1).
    /// </summary>
    internal static TimeSpan BackoffDelay(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * jitter));
    }

    private void LogRetry(int failedAttempt, SendAttemptOutcome failed, TimeSpan delay)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var reason = failed.Retry == RetryReason.Throttled
            ? failed.Error?.ErrorData?["Code"]?.GetValue<string>() ?? "Throttling"
            : "connection refused";
        var retryAfter = failed.RetryAfter is { } hint ? $"x-acs-retry-after {(long)hint.TotalMilliseconds} ms" : "no x-acs-retry-after";
        logger.Retrying(failedAttempt, options.MaxAttempts, reason, retryAfter, (long)delay.TotalMilliseconds);
    }

    private static void Validate(AliyunRpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxAttempts, "MaxAttempts must be at least 1 (1 = no retry).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RetryBaseDelay and RetryMaxDelay must not be negative.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "Timeout must be positive (or infinite).");
        }
    }
}
