using System.Net.Sockets;
using System.Text.Json;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Tests.Aliyun;

/// <summary>The retry policy on its own: which outcomes are repeated, how often, and how long it waits.</summary>
public class AliyunRpcRetryPolicyTests
{
    private static readonly ConnectorException Error = new(ConnectorErrorCode.General, "x");

    public static TheoryData<string, int> Outcomes => new()
    {
        { "throttled", 4 },
        { "refused", 4 },
        { "final failure", 1 },
        { "success", 1 },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Only_outcomes_aliyun_certainly_did_not_accept_are_repeated_up_to_MaxAttempts(string outcome, int calls)
    {
        var policy = AliyunRpcRetryPolicy.Create(Options(maxAttempts: 4), TimeProvider.System, NullLogger.Instance);
        var made = 0;

        await policy.ExecuteAsync(_ =>
        {
            made++;
            return ValueTask.FromResult(outcome switch
            {
                "throttled" => SendAttemptOutcome.Failure(Error, RetryReason.Throttled),
                "refused" => SendAttemptOutcome.Failure(Error, RetryReason.ConnectionRefused),
                "final failure" => SendAttemptOutcome.Failure(Error),
                _ => SendAttemptOutcome.Success(JsonDocument.Parse("{}").RootElement),
            });
        }, CancellationToken.None);

        Assert.Equal(calls, made);
    }

    [Fact]
    public async Task MaxAttempts_1_turns_retries_off()
    {
        var policy = AliyunRpcRetryPolicy.Create(Options(maxAttempts: 1), TimeProvider.System, NullLogger.Instance);
        var made = 0;

        await policy.ExecuteAsync(_ =>
        {
            made++;
            return ValueTask.FromResult(SendAttemptOutcome.Failure(Error, RetryReason.Throttled));
        }, CancellationToken.None);

        Assert.Equal(1, made);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxAttempts_below_1_is_refused(int maxAttempts) =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => AliyunRpcRetryPolicy.Create(Options(maxAttempts), TimeProvider.System, NullLogger.Instance));

    [Theory]
    [InlineData(1000, 3000, 1000)]
    [InlineData(1000, 20, 20)]
    [InlineData(null, 3000, null)]
    public void The_retry_after_hint_is_used_up_to_the_cap(int? retryAfterMs, int capMs, int? expectedMs)
    {
        var retryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        var failed = SendAttemptOutcome.Failure(Error, RetryReason.Throttled, retryAfter);

        var delay = AliyunRpcRetryPolicy.RetryAfterDelay(failed, TimeSpan.FromMilliseconds(capMs));

        Assert.Equal(expectedMs, (int?)delay?.TotalMilliseconds);
    }

    [Theory]
    [InlineData(1, 0.0, 250)]
    [InlineData(1, 0.999, 500)]
    [InlineData(2, 0.0, 500)]
    [InlineData(3, 0.5, 1500)]
    [InlineData(4, 0.0, 1500)]
    [InlineData(40, 0.999, 3000)]
    public void The_backoff_doubles_per_attempt_up_to_the_cap_and_jitters_within_its_upper_half(
        int failedAttempt, double jitter, int expectedMs)
    {
        var delay = AliyunRpcRetryPolicy.BackoffDelay(failedAttempt, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3), jitter);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, tolerance: 1.5);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_the_retries_with_the_cancellation()
    {
        var options = new AliyunRpcOptions
        {
            MaxAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMinutes(1),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
        };
        var policy = AliyunRpcRetryPolicy.Create(options, TimeProvider.System, NullLogger.Instance);
        using var cancel = new CancellationTokenSource();
        var made = 0;

        var run = policy.ExecuteAsync(_ =>
        {
            made++;
            return ValueTask.FromResult(SendAttemptOutcome.Failure(Error, RetryReason.Throttled));
        }, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, made);
    }

    [Fact]
    public void Only_a_refused_connect_counts_as_certainly_not_sent()
    {
        var refused = new HttpRequestException(
            HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));
        var timedOutConnect = new HttpRequestException(
            HttpRequestError.ConnectionError, "timed out", new SocketException((int)SocketError.TimedOut));
        var reset = new HttpRequestException(
            HttpRequestError.Unknown, "copy", new IOException("read", new SocketException((int)SocketError.ConnectionReset)));
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");

        Assert.Equal(
            [true, false, false, false],
            new[] { refused, timedOutConnect, reset, ended }.Select(AliyunRpcTransport.IsConnectionRefused));
    }

    [Theory]
    [InlineData("Could not connect to x: Connection refused", 1, "Could not connect to x: Connection refused")]
    [InlineData("Could not connect to x: Connection refused", 3, "Could not connect to x: Connection refused (after 3 attempts)")]
    [InlineData(
        "x did not answer; the mail may or may not have been sent.", 2,
        "x did not answer; the mail may or may not have been sent (after 2 attempts).")]
    public void A_transport_error_says_how_often_it_was_tried(string description, int attempts, string expected) =>
        Assert.Equal(expected, AliyunRpcTransport.WithAttempts(description, attempts));

    private static AliyunRpcOptions Options(int maxAttempts) =>
        new() { MaxAttempts = maxAttempts, RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero };
}
