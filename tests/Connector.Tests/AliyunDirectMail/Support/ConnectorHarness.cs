using Logto.Connector.Aliyun;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>
/// The connector wired the way the host wires it (<c>AddHttpClient()</c> + <c>AddSingleton&lt;IConnector, …&gt;</c>), logging at
/// Trace into memory, next to a real <see cref="AliyunSandbox"/> whose only credential is a recognisable canary.
/// Retries wait at most <see cref="TestRetryMaxDelay"/> (Aliyun's 1000 ms <c>x-acs-retry-after</c> is capped to it), and every
/// HTTP request the connector starts is counted in <see cref="HttpAttempts"/>, whether or not it reaches a server.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public const string AccessKeyId = "canary-access-key-id";
    public static readonly string Secret = TestConfigs.Secret("CANARY-SECRET-q7Zx93LmVb");

    public static readonly TimeSpan TestRetryMaxDelay = TimeSpan.FromMilliseconds(20);

    private readonly ServiceProvider services;
    private readonly RequestCounter counter;

    private ConnectorHarness(AliyunSandbox sandbox, ServiceProvider services, CapturingLoggerProvider logs, RequestCounter counter)
    {
        Sandbox = sandbox;
        this.services = services;
        this.counter = counter;
        Logs = logs;
        Connector = services.GetRequiredService<IConnector>();
    }

    public AliyunSandbox Sandbox { get; }

    public IConnector Connector { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>HTTP requests the connector has started (one per attempt), including refused ones.</summary>
    public int HttpAttempts => counter.Count;

    public static async Task<ConnectorHarness> StartAsync(
        TimeSpan? timeout = null,
        Action<AliyunRpcOptions>? configure = null,
        TimeProvider? timeProvider = null,
        ISignatureNonceSource? nonceSource = null)
    {
        var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions
        {
            Credentials = new Dictionary<string, string> { [AccessKeyId] = Secret },
        });
        var logs = new CapturingLoggerProvider();
        var counter = new RequestCounter();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddHttpClient();
        // As both host compositions do: the connector's own log lines, not the factory's per-request exception logging.
        collection.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        collection.AddHttpClient(AliyunRpcOptions.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(counter));
        collection.Configure<AliyunRpcOptions>(options =>
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.RetryMaxDelay = TestRetryMaxDelay;
            if (timeout is { } value)
            {
                options.Timeout = value;
            }

            configure?.Invoke(options);
        });
        if (timeProvider is not null)
        {
            collection.AddSingleton(timeProvider);
        }

        if (nonceSource is not null)
        {
            collection.AddSingleton(nonceSource);
        }

        collection.AddSingleton<IConnector, AliyunDirectMailConnector>();
        return new ConnectorHarness(sandbox, collection.BuildServiceProvider(), logs, counter);
    }

    public System.Text.Json.Nodes.JsonObject Config(
        string? secret = null, string? endpoint = null, string? fromAlias = null, bool? escapeHtml = null) =>
        TestConfigs.Json(
            AccessKeyId, secret ?? Secret, endpoint ?? Sandbox.Endpoint.ToString(), fromAlias: fromAlias, escapeHtml: escapeHtml);

    /// <summary>
    /// Waits (bounded, not timed) until the sandbox has recorded <paramref name="count"/> exchanges: it records a dropped
    /// request only once it notices that the client went away, which can be after the call returned.
    /// </summary>
    public async Task<IReadOnlyList<SandboxExchange>> WaitForExchangesAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Sandbox.Exchanges.Count < count)
        {
            await Task.Delay(10, deadline.Token);
        }

        return Sandbox.Exchanges;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    private sealed class RequestCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Increment() => Interlocked.Increment(ref count);
    }

    private sealed class CountingHandler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Increment();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
