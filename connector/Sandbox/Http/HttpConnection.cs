using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Logto.Connector.AliyunSandbox.Http;

/// <summary>One client connection: reads requests, hands them to the handler, writes answers, keeps the connection alive.</summary>
internal sealed class HttpConnection(Socket socket, IHttpRequestHandler handler) : IClientConnection, IDisposable
{
    private static readonly TimeSpan ResetPause = TimeSpan.FromMilliseconds(50);

    private readonly NetworkStream stream = new(socket, ownsSocket: false);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = new HttpRequestReader(stream);
        try
        {
            while (true)
            {
                var next = await reader.ReadAsync(SendContinueAsync, cancellationToken).ConfigureAwait(false);
                if (next is not var (request, keepAlive))
                {
                    return;
                }

                var response = await handler.HandleAsync(request, this, cancellationToken).ConfigureAwait(false);
                if (response is null)
                {
                    return;
                }

                if (response.ResetAfterPartialBody)
                {
                    await ResetMidResponseAsync(response, cancellationToken).ConfigureAwait(false);
                    return;
                }

                await WriteAsync(response, keepAlive, cancellationToken).ConfigureAwait(false);
                if (!keepAlive)
                {
                    return;
                }
            }
        }
        catch (MalformedRequestException error)
        {
            await TryWriteAsync(handler.OnProtocolError(error), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the sandbox is stopping: nothing left to answer.
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Closes the socket at once; a pending read or delay on it ends.</summary>
    public void Abort() => socket.Dispose();

    public async Task<bool> DelayWhileConnectedAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var closed = WatchForCloseAsync(watch.Token);
        var elapsed = Task.Delay(delay, timeProvider, watch.Token);
        var first = await Task.WhenAny(closed, elapsed).ConfigureAwait(false);
        var gone = first == closed && await closed.ConfigureAwait(false);
        await watch.CancelAsync().ConfigureAwait(false);
        await closed.ConfigureAwait(false);
        try
        {
            await elapsed.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled because the client left, or because the sandbox is stopping (rethrown below).
        }

        cancellationToken.ThrowIfCancellationRequested();
        return !gone;
    }

    private async Task<bool> WatchForCloseAsync(CancellationToken cancellationToken)
    {
        // A peeked read of 0 bytes is the client's FIN; peeking leaves any pipelined bytes for the request reader.
        var probe = new byte[1];
        try
        {
            if (await socket.ReceiveAsync(probe, SocketFlags.Peek, cancellationToken).ConfigureAwait(false) == 0)
            {
                return true;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private Task SendContinueAsync(CancellationToken cancellationToken) =>
        stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken).AsTask();

    private async Task WriteAsync(SandboxHttpResponse response, bool keepAlive, CancellationToken cancellationToken)
    {
        var head = Head(response, keepAlive);
        var bytes = new byte[head.Length + response.Body.Length];
        head.CopyTo(bytes, 0);
        response.Body.CopyTo(bytes, head.Length);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task TryWriteAsync(SandboxHttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(response, keepAlive: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone already.
        }
    }

    private async Task ResetMidResponseAsync(SandboxHttpResponse response, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Head(response, keepAlive: true), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), cancellationToken).ConfigureAwait(false);

        // Give the client time to read the head, so it fails while reading the body, as after a real mid-transfer reset.
        await Task.Delay(ResetPause, cancellationToken).ConfigureAwait(false);

        // Linger 0 turns close() into an RST instead of a FIN.
        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();
    }

    private static byte[] Head(SandboxHttpResponse response, bool keepAlive)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {SandboxHttpResponse.ReasonPhrase(response.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:R}\r\n")
            .Append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        if (response.Status != 204)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>Closes gracefully (FIN) unless the socket was already reset or closed.</summary>
    public void Dispose()
    {
        try
        {
            if (socket.Connected)
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already reset or closed.
        }

        stream.Dispose();
        socket.Dispose();
    }
}
