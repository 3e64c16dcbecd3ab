using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.Connector.Aliyun;

/// <summary>
/// Runs one logical Aliyun RPC call (<see cref="AliyunRpcCall"/>): attempts through the retry policy, each signed anew (fresh
/// <c>SignatureNonce</c> and <c>Timestamp</c>, so a retry is never refused as <c>SignatureNonceUsed</c>), all inside one
/// <see cref="SendBudget"/>. Returns the connector's result or throws Logto's error; only the caller's cancellation escapes
/// as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class AliyunRpcClient
{
    private readonly AliyunRpcTransport transport;
    private readonly AliyunRpcRetryPolicy retry;
    private readonly AliyunRpcOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ISignatureNonceSource nonceSource;
    private readonly ILogger logger;

    public AliyunRpcClient(
        IHttpClientFactory httpClientFactory,
        ILogger logger,
        IOptions<AliyunRpcOptions>? options = null,
        TimeProvider? timeProvider = null,
        ISignatureNonceSource? nonceSource = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options?.Value ?? new AliyunRpcOptions();
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.nonceSource = nonceSource ?? GuidSignatureNonceSource.Instance;
        this.logger = logger;
        transport = new AliyunRpcTransport(httpClientFactory, this.options, this.timeProvider, logger);
        retry = AliyunRpcRetryPolicy.Create(this.options, this.timeProvider, logger);
    }

    public async Task<JsonElement> CallAsync(AliyunRpcCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var budget = new SendBudget(options.Timeout, timeProvider, cancellationToken);
        var started = timeProvider.GetTimestamp();
        var attempts = 0;
        SendAttemptOutcome? last = null;
        try
        {
            var outcome = await retry.ExecuteAsync(
                async token =>
                {
                    // The budget ran out during the backoff: nothing more is sent.
                    token.ThrowIfCancellationRequested();
                    attempts++;
                    var form = Sign(call, nonceSource.NextNonce(), timeProvider.GetUtcNow());
                    last = await transport.SendAsync(call, form, budget, attempts).ConfigureAwait(false);
                    return last;
                },
                budget.Token).ConfigureAwait(false);
            return outcome.Error is null ? outcome.Result : throw outcome.Error;
        }
        catch (OperationCanceledException) when (budget.CallerCancelled)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.Cancelled(
                    call.Action, AliyunEndpoint.Display(call.Endpoint), (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
            }

            throw new OperationCanceledException($"The caller cancelled the {call.Action} call.", cancellationToken);
        }
        catch (OperationCanceledException) when (budget.TimedOut)
        {
            // Out of time between attempts: the last attempt's error stands (it was certainly not accepted, or it would not
            // have been retried).
            logger.OutOfTimeBeforeRetry(call.Action, attempts + 1, (long)budget.Limit.TotalMilliseconds);
            throw last?.Error ?? TransportErrorData.Error(transport.TimeoutDescription(call));
        }
    }

    /// <summary>One attempt's parameters with its <c>Signature</c> appended (POST, as both official connectors sign).</summary>
    internal List<KeyValuePair<string, string>> Sign(AliyunRpcCall call, string nonce, DateTimeOffset now)
    {
        // UTC, second precision: https://www.alibabacloud.com/help/en/direct-mail/developer-reference/common-parameters
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var parameters = call.Parameters(nonce, timestamp);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.Sending(call.Action, AliyunEndpoint.Display(call.Endpoint), nonce, timestamp);
        }

        parameters.Add(new("Signature", RpcSignature.Sign("POST", parameters, call.AccessKeySecret)));
        return parameters;
    }
}
