// Why not HttpListener or Kestrel:
// - Kestrel pulls ASP.NET Core into the Native AOT host binary, whose target is < 8 MB.
// - System.Net.HttpListener (checked on .NET 10, Linux managed implementation) gives a handler no way to learn that the
//   client closed the connection while the answer is held back: there is no disconnect token, and even a write after the
//   client left "succeeds" into the kernel buffer. The Delay fault must record exactly that ("dropped"), so that tests can
//   prove a timed-out call was cancelled. (HttpListenerResponse.Abort could reset a connection, but that alone is not enough.)
// So this is a small HTTP/1.1 server on a Socket: keep-alive, Content-Length bodies only (411 for chunked ones), caps on the
// head (32 KiB, 100 fields; 431) and the body (8 MiB; 413), 400/505 for what it does not parse. It listens on 127.0.0.1 only.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox.Http;

internal sealed class SandboxHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IHttpRequestHandler handler;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<HttpConnection, Task> connections = new();
    private readonly Task acceptLoop;
    private int disposed;

    private SandboxHttpServer(TcpListener listener, IHttpRequestHandler handler, ILogger logger)
    {
        this.listener = listener;
        this.handler = handler;
        this.logger = logger;
        acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public static SandboxHttpServer Start(int port, IHttpRequestHandler handler, ILogger logger)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(backlog: 512);
        return new SandboxHttpServer(listener, handler, logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await acceptLoop.ConfigureAwait(false);
        foreach (var connection in connections.Keys)
        {
            connection.Abort();
        }

        await Task.WhenAll(connections.Values).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                SandboxLog.AcceptFailed(logger, error);
                continue;
            }

            socket.NoDelay = true;
            var connection = new HttpConnection(socket, handler);

            // Registered before it starts, so that its own removal can never run first.
            var serve = new Task<Task>(() => ServeAsync(connection));
            connections[connection] = serve.Unwrap();
            serve.Start(TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(HttpConnection connection)
    {
        try
        {
            await connection.RunAsync(stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing handler must not take the server down; it is logged and its connection closed.
        catch (Exception error)
#pragma warning restore CA1031
        {
            SandboxLog.ConnectionFailed(logger, error);
            connection.Abort();
        }
        finally
        {
            connections.TryRemove(connection, out _);
        }
    }
}
