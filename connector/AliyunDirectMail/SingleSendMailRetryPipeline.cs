using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The retry around "sign + send": bounded (<see cref="AliyunDirectMailOptions.MaxAttempts"/>), exponential backoff with
/// jitter, Aliyun's <c>x-acs-retry-after</c> honoured up to <see cref="AliyunDirectMailOptions.RetryMaxDelay"/>, and only for
/// attempts Aliyun certainly did not accept (<see cref="RetryReason"/>). SingleSendMail has no idempotency token, so a
/// timeout, a reset mid-answer, a 5xx or an unreadable answer is never repeated: the mail may already be on its way.
/// Retry guidance: https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis (Throttling*), and each
/// retry needs a new SignatureNonce and Timestamp: https://www.alibabacloud.com/help/en/direct-mail/developer-reference/common-parameters
/// </summary>
internal static class SingleSendMailRetryPipeline
{
    public static ResiliencePipeline<SendAttemptOutcome> Create(AliyunDirectMailOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Validate(options);
        if (options.MaxAttempts == 1)
        {
            return ResiliencePipeline<SendAttemptOutcome>.Empty;
        }

        var maxAttempts = options.MaxAttempts;
        var maxDelay = options.RetryMaxDelay;
        return new ResiliencePipelineBuilder<SendAttemptOutcome> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<SendAttemptOutcome>
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { Retry: not RetryReason.None }),
                // Polly does not cap what a DelayGenerator returns, so the cap is applied here.
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome.Result, maxDelay)),
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        var failed = args.Outcome.Result!;
                        var reason = failed.Retry == RetryReason.Throttled
                            ? failed.Error?.ErrorData?["Code"]?.GetValue<string>() ?? "Throttling"
                            : "connection refused";
                        var retryAfter = failed.RetryAfter is { } hint
                            ? $"x-acs-retry-after {(long)hint.TotalMilliseconds} ms"
                            : "no x-acs-retry-after";
                        logger.Retrying(args.AttemptNumber + 1, maxAttempts, reason, retryAfter, (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            })
            .Build();
    }

    /// <summary>Aliyun's own hint when it sent one, never longer than <paramref name="maxDelay"/>; else null (the backoff decides).</summary>
    internal static TimeSpan? RetryAfterDelay(SendAttemptOutcome? failed, TimeSpan maxDelay) =>
        failed?.RetryAfter is { } retryAfter ? (retryAfter < maxDelay ? retryAfter : maxDelay) : null;

    private static void Validate(AliyunDirectMailOptions options)
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
