using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// One logical <c>sendMessage</c>: attempts through the retry policy, each signed anew (fresh SignatureNonce and Timestamp,
/// so a retry is never refused as <c>SignatureNonceUsed</c>), all inside one <see cref="SendBudget"/>.
/// </summary>
internal sealed class SingleSendMailSender(
    SingleSendMailClient client,
    SingleSendMailRetryPolicy retry,
    AliyunDirectMailOptions options,
    TimeProvider timeProvider,
    ISignatureNonceSource nonceSource,
    ILogger logger)
{
    public async Task<JsonElement> SendAsync(AliyunDirectMailConfig config, Uri endpoint, RenderedMail mail, CancellationToken cancellationToken)
    {
        var display = DirectMailEndpoints.Display(endpoint);
        var regionId = DirectMailEndpoints.RegionIdOf(config);
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
                    var nonce = nonceSource.NextNonce();
                    var form = SingleSendMailForm.Build(config, mail, nonce, timeProvider.GetUtcNow());
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.Sending(attempts, display, regionId, nonce, form.Single(p => p.Key == "Timestamp").Value);
                    }

                    last = await client.SendAsync(endpoint, display, form, budget, attempts).ConfigureAwait(false);
                    return last;
                },
                budget.Token).ConfigureAwait(false);
            return outcome.Error is null ? outcome.Result : throw outcome.Error;
        }
        catch (OperationCanceledException) when (budget.CallerCancelled)
        {
            var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
            logger.Cancelled(display, elapsedMs);
            throw new OperationCanceledException("The caller cancelled the SingleSendMail call.", cancellationToken);
        }
        catch (OperationCanceledException) when (budget.TimedOut)
        {
            // Out of time between attempts: the last attempt's error stands (it was certainly not accepted, or it would not
            // have been retried).
            logger.OutOfTimeBeforeRetry(attempts + 1, (long)budget.Limit.TotalMilliseconds);
            throw last?.Error ?? SingleSendMailClient.TransportError(client.TimeoutDescription(display));
        }
    }
}
