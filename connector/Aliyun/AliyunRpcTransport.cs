using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.Aliyun;

/// <summary>
/// One signed POST: a form body encoded like the official connectors' (got's <c>form:</c>), bounded by the call's
/// <see cref="SendBudget"/>, and every answer or transport failure turned into a <see cref="SendAttemptOutcome"/> that says
/// whether the message was certainly not accepted (never an exception dump). Only the caller's cancellation escapes.
/// </summary>
internal sealed class AliyunRpcTransport(
    IHttpClientFactory httpClientFactory, AliyunRpcOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Milliseconds to wait before retrying a throttled call, sent by Aliyun's gateway (read by darabonba-openapi 0.2.x).
    /// https://github.com/aliyun/darabonba-openapi/blob/master/csharp/core/Utils.cs</summary>
    public const string RetryAfterHeader = "x-acs-retry-after";

    public async Task<SendAttemptOutcome> SendAsync(
        AliyunRpcCall call, IReadOnlyList<KeyValuePair<string, string>> form, SendBudget budget, int attempt)
    {
        var display = AliyunEndpoint.Display(call.Endpoint);
        var started = timeProvider.GetTimestamp();
        try
        {
            var answer = await PostAsync(call.Endpoint, form, budget.Token).ConfigureAwait(false);
            logger.AnswerBody(call.Action, answer.Body);
            return Read(call, answer, Elapsed(started));
        }
        catch (OperationCanceledException) when (budget.TimedOut)
        {
            return SendAttemptOutcome.Failure(Failed(call, started, attempt, TimeoutDescription(call)));
        }
        catch (HttpRequestException exception)
        {
            var refused = IsConnectionRefused(exception);
            return SendAttemptOutcome.Failure(
                Failed(call, started, attempt, Describe(exception, call, display)),
                refused ? RetryReason.ConnectionRefused : RetryReason.None);
        }
    }

    /// <summary>The error for a call whose time ran out (while waiting for an answer, or before the next attempt could start).</summary>
    public string TimeoutDescription(AliyunRpcCall call) =>
        $"{call.Product} did not answer within {Format(options.Timeout)} ({AliyunEndpoint.Display(call.Endpoint)}); " +
        $"the {call.Item} may or may not have been sent.";

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

    /// <summary>Says how often the call was tried when it was tried more than once.</summary>
    public static string WithAttempts(string description, int attempts) => attempts <= 1
        ? description
        : description.EndsWith('.')
            ? $"{description[..^1]} (after {attempts} attempts)."
            : $"{description} (after {attempts} attempts)";

    private async Task<Answer> PostAsync(
        Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(AliyunRpcOptions.HttpClientName);
        client.Timeout = Timeout.InfiniteTimeSpan; // the SendBudget governs, through its token
        client.MaxResponseContentBufferSize = options.MaxResponseBytes;

        // The form is ASCII after encoding; the content type carries no charset, as got sends it.
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(FormUrlEncoding.Encode(form)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        using var response = await client
            .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new Answer((int)response.StatusCode, body, RetryAfter(response.Headers));
    }

    private SendAttemptOutcome Read(AliyunRpcCall call, Answer answer, long elapsedMs)
    {
        // A signed request is never re-sent to another address: redirects are not followed (the pooled handler is built
        // with AllowAutoRedirect off), and a redirect answer is an unexpected answer.
        var read = answer.Status is >= 300 and <= 399
            ? AliyunAnswer.Unreadable(call.Product, answer.Status, "a redirect, which is not followed")
            : call.ReadAnswer(answer.Status, answer.Body);
        if (read.Error is null)
        {
            logger.Accepted(call.Action, answer.Status, elapsedMs, read.RequestId);
            return SendAttemptOutcome.Success(read.Result);
        }

        // Deviation from the official connectors (which say `general`): a gateway throttle is Logto's `rate_limit_exceeded`
        // (HTTP 429 in Logto core) with the same data, so operators still see Code, Message and RequestId. It is what the
        // caller gets once the retries are used up.
        var outcome = read.Error.Code == ConnectorErrorCode.General && IsThrottling(read.AliyunCode)
            ? SendAttemptOutcome.Failure(
                new ConnectorException(ConnectorErrorCode.RateLimitExceeded, read.Error.ErrorData),
                RetryReason.Throttled,
                answer.RetryAfter)
            : SendAttemptOutcome.Failure(read.Error);
        logger.SendFailed(call.Action, answer.Status, elapsedMs, outcome.Error!.Code.ToWire(), read.AliyunCode, read.RequestId);
        if (read.Error.Code == ConnectorErrorCode.InvalidResponse)
        {
            logger.UnreadableAnswer(call.Action, answer.Status, answer.Body.Length, Excerpt(answer.Body));
        }

        return outcome;
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

    private ConnectorException Failed(AliyunRpcCall call, long started, int attempt, string description)
    {
        var text = WithAttempts(description, attempt);
        // An expected failure: one line with its cause, no stack trace.
        logger.TransportFailed(call.Action, AliyunEndpoint.Display(call.Endpoint), Elapsed(started), text);
        return TransportErrorData.Error(text);
    }

    private string Describe(HttpRequestException exception, AliyunRpcCall call, string display)
    {
        var reason = Reason(exception);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"Could not resolve the host of {display}{reason}",
            HttpRequestError.ConnectionError => $"Could not connect to {display}{reason}",
            HttpRequestError.SecureConnectionError => $"The TLS handshake with {display} failed{reason}",
            HttpRequestError.ConfigurationLimitExceeded => $"The answer from {display} is larger than {options.MaxResponseBytes} bytes.",
            HttpRequestError.ResponseEnded =>
                $"{display} closed the connection before a complete answer arrived; the {call.Item} may or may not have been sent.",
            _ => $"The request to {display} failed{reason}; the {call.Item} may or may not have been sent.",
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

    /// <summary>The start of an unreadable answer for the log, on one line; the error data never carries it.</summary>
    private static string Excerpt(string body)
    {
        const int Limit = 200;
        var cut = body.Length <= Limit ? body : body[..Limit] + "…";
        return cut.ReplaceLineEndings(" ");
    }

    private long Elapsed(long started) => (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static string Format(TimeSpan timeout) => timeout.TotalMilliseconds % 1000 == 0
        ? timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"
        : timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    private sealed record Answer(int Status, string Body, TimeSpan? RetryAfter);
}
