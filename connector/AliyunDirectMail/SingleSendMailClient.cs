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
/// One signed SingleSendMail POST: a form body encoded like the official connector's, a per-call timeout, caller cancellation
/// end to end, and transport failures turned into <c>general</c> errors with a readable description (never an exception dump).
/// </summary>
internal sealed class SingleSendMailClient(
    IHttpClientFactory httpClientFactory, AliyunDirectMailOptions options, TimeProvider timeProvider, ILogger logger)
{
    public async Task<JsonElement> SendAsync(
        Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var display = DirectMailEndpoints.Display(endpoint);
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            var (status, body) = await PostAsync(endpoint, form, linked.Token).ConfigureAwait(false);
            logger.AnswerBody(body);
            return Read(status, body, Elapsed(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = Elapsed(started);
            logger.Cancelled(display, elapsed);
            throw new OperationCanceledException("The caller cancelled the SingleSendMail call.", cancellationToken);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw Failed(display, started, $"Aliyun Direct Mail did not answer within {Format(options.Timeout)} ({display}); the mail may or may not have been sent.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw Failed(display, started, Describe(exception, display), exception);
        }
    }

    private async Task<(int Status, string Body)> PostAsync(
        Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(AliyunDirectMailOptions.HttpClientName);
        client.Timeout = Timeout.InfiniteTimeSpan; // options.Timeout governs, through the linked token
        client.MaxResponseContentBufferSize = options.MaxResponseBytes;

        // The form is ASCII after encoding; the content type carries no charset, as got sends it.
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(FormUrlEncoding.Encode(form)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, body);
    }

    private JsonElement Read(int status, string body, long elapsedMs)
    {
        try
        {
            var result = SingleSendMailResponseReader.Read((System.Net.HttpStatusCode)status, body);
            var requestId = result.GetProperty("RequestId").GetString()!;
            var envId = result.GetProperty("EnvId").GetString()!;
            logger.Accepted(status, elapsedMs, requestId, envId);
            return result;
        }
        catch (ConnectorException exception)
        {
            var aliyunCode = exception.ErrorData?["Code"]?.GetValue<string>();
            var requestId = exception.ErrorData?["RequestId"]?.GetValue<string>();
            logger.SendFailed(status, elapsedMs, exception.Code.ToWire(), aliyunCode, requestId);
            throw;
        }
    }

    private ConnectorException Failed(string display, long started, string description, Exception exception)
    {
        var elapsed = Elapsed(started);
        logger.TransportFailed(display, elapsed, description, exception);
        return new ConnectorException(
            ConnectorErrorCode.General,
            JsonSerializer.SerializeToNode(new TransportErrorData(description), AliyunDirectMailJsonContext.Default.TransportErrorData));
    }

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
}
