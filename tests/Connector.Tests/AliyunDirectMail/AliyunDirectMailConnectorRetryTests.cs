using System.Collections.Concurrent;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.Aliyun;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>Retries against the real sandbox: re-signed, bounded, honouring x-acs-retry-after, inside the call's timeout.</summary>
public class AliyunDirectMailConnectorRetryTests
{
    [Fact]
    public async Task A_throttled_attempt_is_retried_with_a_new_nonce_and_timestamp_and_exactly_one_mail_is_accepted()
    {
        var nonces = new RecordingNonceSource();
        var clock = new SteppingTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var harness = await ConnectorHarness.StartAsync(timeProvider: clock, nonceSource: nonces);
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling, Count: 1));

        var result = await harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), CancellationToken.None);

        var message = Assert.Single(harness.Sandbox.Outbox);
        Assert.Equal(message.EnvId, result.GetProperty("EnvId").GetString());
        Assert.Equal(["fault:Throttling", "accepted"], harness.Sandbox.Exchanges.Select(e => e.Outcome));
        Assert.Equal(2, harness.HttpAttempts);
        Assert.Equal(2, nonces.Issued.Distinct().Count());
        Assert.Equal(nonces.Issued.Last(), Parameter(message, "SignatureNonce"));
        Assert.Equal(2, clock.Issued.Distinct().Count());
        Assert.Equal(
            clock.Issued.Last().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Parameter(message, "Timestamp"));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    public async Task Throttling_shorter_than_the_attempts_ends_in_one_accepted_mail(int throttled, int exchanges)
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o => o.MaxAttempts = 3);
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling, Count: throttled));

        await harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), CancellationToken.None);

        Assert.Single(harness.Sandbox.Outbox);
        Assert.Equal(exchanges, harness.Sandbox.Exchanges.Count);
        Assert.Equal(exchanges - 1, harness.Logs.Lines.Count(line => line.Contains("[8] Attempt", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Persistent_throttling_is_tried_MaxAttempts_times_then_maps_to_rate_limit_exceeded(int maxAttempts)
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o => o.MaxAttempts = maxAttempts);
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling));

        var error = await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(harness);

        Assert.Equal((ConnectorErrorCode.RateLimitExceeded, "Throttling.User"), (error.Code, error.ErrorData!["Code"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Repeat("fault:Throttling", maxAttempts), harness.Sandbox.Exchanges.Select(e => e.Outcome));
        Assert.Empty(harness.Sandbox.Outbox);
    }

    [Fact]
    public async Task The_wait_before_a_retry_is_aliyuns_x_acs_retry_after_capped_by_RetryMaxDelay()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling, Count: 1));

        await harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), CancellationToken.None);

        // The sandbox asks for 1000 ms; the harness caps waits at 20 ms; the base delay (1 ms) would give far less.
        var retry = Assert.Single(harness.Logs.Lines, line => line.Contains("[8] ", StringComparison.Ordinal));
        Assert.Contains(
            "Attempt 1 of 3 was not accepted (Throttling.User, x-acs-retry-after 1000 ms); " +
            $"retrying in {ConnectorHarness.TestRetryMaxDelay.TotalMilliseconds} ms",
            retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeout_bounds_the_backoff_too_and_the_last_throttle_is_the_error()
    {
        // The sandbox asks for 1000 ms between attempts; the call may take 300 ms in all.
        await using var harness = await ConnectorHarness.StartAsync(
            timeout: TimeSpan.FromMilliseconds(300),
            configure: o => (o.RetryBaseDelay, o.RetryMaxDelay) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling));

        var error = await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(harness);

        Assert.Equal((ConnectorErrorCode.RateLimitExceeded, "Throttling.User"), (error.Code, error.ErrorData!["Code"]!.GetValue<string>()));
        Assert.Equal(["fault:Throttling"], harness.Sandbox.Exchanges.Select(e => e.Outcome));
        const string GaveUp = "gave up before attempt 2: the 300 ms call budget ran out";
        Assert.Contains(harness.Logs.Lines, line => line.Contains(GaveUp, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caller_cancellation_during_the_backoff_surfaces_as_OperationCanceledException_and_nothing_more_is_sent()
    {
        await using var harness = await ConnectorHarness.StartAsync(
            configure: o => (o.RetryBaseDelay, o.RetryMaxDelay) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)));
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Throttling));
        using var cancellation = new CancellationTokenSource();

        var send = harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), cancellation.Token);
        await harness.WaitForExchangesAsync(1);
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, harness.HttpAttempts);
        Assert.Single(harness.Sandbox.Exchanges);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_a_new_nonce_each_time()
    {
        var nonces = new RecordingNonceSource();
        await using var harness = await ConnectorHarness.StartAsync(nonceSource: nonces, configure: o => o.MaxAttempts = 4);
        var closed = $"http://127.0.0.1:{AliyunDirectMailConnectorErrorMappingTests.ClosedPort()}/";

        var error = await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(harness, harness.Config(endpoint: closed));

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(
            $"Could not connect to {closed}: Connection refused (after 4 attempts)",
            error.ErrorData!["errorDescription"]!.GetValue<string>());
        Assert.Equal(4, harness.HttpAttempts);
        Assert.Equal(4, nonces.Issued.Distinct().Count());
        const string Refused = "was not accepted (connection refused, no x-acs-retry-after)";
        Assert.Equal(3, harness.Logs.Lines.Count(line => line.Contains(Refused, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_rejected_signature_is_not_retried()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var error = await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(
            harness, harness.Config(secret: "not-the-secret"));

        Assert.Equal(ConnectorErrorCode.General, error.Code);
        Assert.Equal(["rejected:SignatureDoesNotMatch"], harness.Sandbox.Exchanges.Select(e => e.Outcome));
    }

    private static string Parameter(SandboxMessage message, string name) => message.Parameters.Single(p => p.Key == name).Value;

    private sealed class RecordingNonceSource : ISignatureNonceSource
    {
        private readonly ConcurrentQueue<string> issued = new();

        public IReadOnlyCollection<string> Issued => issued;

        public string NextNonce()
        {
            var nonce = Guid.NewGuid().ToString("D");
            issued.Enqueue(nonce);
            return nonce;
        }
    }

    /// <summary>
    /// Wall-clock reads move one second each time (so a re-read is visible at the Timestamp's second precision); timers stay
    /// real.
    /// </summary>
    private sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private readonly ConcurrentQueue<DateTimeOffset> issued = new();
        private int reads;

        public IReadOnlyCollection<DateTimeOffset> Issued => issued;

        public override DateTimeOffset GetUtcNow()
        {
            var now = start.AddSeconds(Interlocked.Increment(ref reads));
            issued.Enqueue(now);
            return now;
        }
    }
}
