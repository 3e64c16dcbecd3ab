using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Host.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 that holds every request until the test answers it, and can tell when the client gave
/// up on one (closed its connection) — the observable end of a cancellation token reaching an HttpClient call.
/// </summary>
internal sealed class HoldingHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Channel<HeldRequest> requests = Channel.CreateUnbounded<HeldRequest>();
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> clients = [];
    private readonly Task acceptLoop;

    public HoldingHttpServer()
    {
        listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = AcceptAsync();
    }

    public Uri BaseUri { get; }

    public async Task<HeldRequest> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? HostProcess.DefaultTimeout);
        return await requests.Reader.ReadAsync(cancellation.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        lock (clients)
        {
            clients.ForEach(client => client.Dispose());
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            lock (clients)
            {
                clients.Add(client);
            }

            _ = ReadHeadAsync(client);
        }
    }

    private async Task ReadHeadAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, stop.Token) == 1)
        {
            head.Append((char)one[0]);
        }

        var requestLine = head.ToString().Split("\r\n")[0].Split(' ');
        await requests.Writer.WriteAsync(new HeldRequest(stream, requestLine.Length > 1 ? requestLine[1] : ""), stop.Token);
    }
}

internal sealed class HeldRequest(NetworkStream stream, string path)
{
    public string Path => path;

    public async Task RespondAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>True when the client closes or resets the connection within <paramref name="timeout"/>.</summary>
    public async Task<bool> ClientClosedWithinAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await stream.ReadAsync(new byte[1], cancellation.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
