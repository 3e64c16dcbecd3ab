using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// One signed SingleSendMail POST: a form body encoded like the official connector's, bounded by the call's
/// <see cref="SendBudget"/>, and every answer or transport failure turned into a <see cref="SendAttemptOutcome"/> that says
/// whether the mail was certainly not accepted (never an exception dump). Only the caller's cancellation escapes as an exception.
/// </summary>
internal sealed class SingleSendMailClient(
    IHttpClientFactory httpClientFactory, AliyunDirectMailOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Milliseconds to wait before retrying a throttled call, sent by Aliyun's gateway (read by darabonba-openapi 0.2.x).
    /// https://github.com/aliyun/darabonba-openapi/blob/master/csharp/core/Utils.cs</summary>
    public const string RetryAfterHeader = "x-acs-retry-after";

    /// <param name="display">The endpoint as errors and logs show it (<see cref="DirectMailEndpoints.Display"/>).</param>
    public async Task<SendAttemptOutcome> SendAsync(
        Uri endpoint, string display, IReadOnlyList<KeyValuePair<string, string>> form, SendBudget budget, int attempt)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var answer = await PostAsync(endpoint, form, budget.Token).ConfigureAwait(false);
            logger.AnswerBody(answer.Body);
            return Read(answer, Elapsed(started));
        }
        catch (OperationCanceledException exception) when (budget.TimedOut)
        {
            return SendAttemptOutcome.Failure(Failed(display, started, attempt, TimeoutDescription(display), exception));
        }
        catch (HttpRequestException exception)
        {
            var refused = IsConnectionRefused(exception);
            return SendAttemptOutcome.Failure(
                Failed(display, started, attempt, Describe(exception, display), exception),
                refused ? RetryReason.ConnectionRefused : RetryReason.None);
        }
    }

    /// <summary>The error for a call whose time ran out (while waiting for an answer, or before the next attempt could start).</summary>
    public string TimeoutDescription(string display) =>
        $"Aliyun Direct Mail did not answer within {Format(options.Timeout)} ({display}); the mail may or may not have been sent.";

    public static ConnectorException TransportError(string description) => new(
        ConnectorErrorCode.General,
        JsonSerializer.SerializeToNode(new TransportErrorData(description), AliyunDirectMailJsonContext.Default.TransportErrorData));

    /// <summary>
    /// Refused at connect time: HttpClient reports <see cref="HttpRequestError.ConnectionError"/> only while establishing the
    /// connection, and ECONNREFUSED means no byte of the request was sent. A reset after connecting carries
    /// <see cref="SocketError.ConnectionReset"/> under <see cref="HttpRequestError.Unknown"/> and is never retried.
    /// </summary>
    internal static bool IsConnectionRefused(HttpRequestException exception)
    {
        if (exception.HttpRequestError != HttpRequestError.ConnectionError)
        {
            return false;
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode == SocketError.ConnectionRefused;
            }
        }

        return false;
    }

    private async Task<Answer> PostAsync(Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(AliyunDirectMailOptions.HttpClientName);
        client.Timeout = Timeout.InfiniteTimeSpan; // the SendBudget governs, through its token
        client.MaxResponseContentBufferSize = options.MaxResponseBytes;

        // The form is ASCII after encoding; the content type carries no charset, as got sends it.
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(FormUrlEncoding.Encode(form)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new Answer((int)response.StatusCode, body, RetryAfter(response.Headers));
    }

    private SendAttemptOutcome Read(Answer answer, long elapsedMs)
    {
        try
        {
            var result = SingleSendMailResponseReader.Read((System.Net.HttpStatusCode)answer.Status, answer.Body);
            var requestId = result.GetProperty("RequestId").GetString()!;
            var envId = result.GetProperty("EnvId").GetString()!;
            logger.Accepted(answer.Status, elapsedMs, requestId, envId);
            return SendAttemptOutcome.Success(result);
        }
        catch (ConnectorException exception)
        {
            var aliyunCode = exception.ErrorData?["Code"]?.GetValue<string>();
            var requestId = exception.ErrorData?["RequestId"]?.GetValue<string>();
            // Deviation from the official connector (which says `general`): a throttle is Logto's `rate_limit_exceeded`
            // (HTTP 429 in Logto core, "Trigger rate limit. Please try again later.") with the same data, so operators
            // still see Code, Message and RequestId. It is what the caller gets once the retries are used up.
            var outcome = exception.Code == ConnectorErrorCode.General && IsThrottling(aliyunCode)
                ? SendAttemptOutcome.Failure(
                    new ConnectorException(ConnectorErrorCode.RateLimitExceeded, exception.ErrorData), RetryReason.Throttled, answer.RetryAfter)
                : SendAttemptOutcome.Failure(exception);
            logger.SendFailed(answer.Status, elapsedMs, outcome.Error!.Code.ToWire(), aliyunCode, requestId);
            return outcome;
        }
    }

    /// <summary>
    /// Aliyun's flow control (HTTP 400 <c>Throttling</c>, <c>Throttling.User</c>, <c>Throttling.Api</c>): the request was
    /// refused, not queued. https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis
    /// </summary>
    private static bool IsThrottling(string? aliyunCode) =>
        aliyunCode is "Throttling" or "Throttling.User" or "Throttling.Api";

    private static TimeSpan? RetryAfter(HttpResponseHeaders headers) =>
        headers.TryGetValues(RetryAfterHeader, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
        && milliseconds is > 0 and <= int.MaxValue
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    private ConnectorException Failed(string display, long started, int attempt, string description, Exception exception)
    {
        var elapsed = Elapsed(started);
        var text = WithAttempts(description, attempt);
        logger.TransportFailed(display, elapsed, text, exception);
        return TransportError(text);
    }

    /// <summary>Says how often the call was tried when it was tried more than once.</summary>
    public static string WithAttempts(string description, int attempts) => attempts <= 1
        ? description
        : description.EndsWith('.')
            ? $"{description[..^1]} (after {attempts} attempts)."
            : $"{description} (after {attempts} attempts)";

    private string Describe(HttpRequestException exception, string display)
    {
        var reason = Reason(exception);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"Could not resolve the host of {display}{reason}",
            HttpRequestError.ConnectionError => $"Could not connect to {display}{reason}",
            HttpRequestError.SecureConnectionError => $"The TLS handshake with {display} failed{reason}",
            HttpRequestError.ConfigurationLimitExceeded => $"The answer from {display} is larger than {options.MaxResponseBytes} bytes.",
            HttpRequestError.ResponseEnded => $"{display} closed the connection before a complete answer arrived; the mail may or may not have been sent.",
            _ => $"The request to {display} failed{reason}; the mail may or may not have been sent.",
        };
    }

    // The OS reason ("Connection refused") or the TLS reason; never a stack trace or an exception dump.
    private static string Reason(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or AuthenticationException)
            {
                return ": " + inner.Message;
            }
        }

        return exception is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http
            ? $" ({http.HttpRequestError})"
            : string.Empty;
    }

    private long Elapsed(long started) => (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static string Format(TimeSpan timeout) => timeout.TotalMilliseconds % 1000 == 0
        ? timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"
        : timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    private sealed record Answer(int Status, string Body, TimeSpan? RetryAfter);
}
