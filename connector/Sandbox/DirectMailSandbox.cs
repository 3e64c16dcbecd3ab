using System.Globalization;
using Logto.Connector.AliyunDirectMail.Sandbox.Control;
using Logto.Connector.AliyunDirectMail.Sandbox.DirectMail;
using Logto.Connector.AliyunDirectMail.Sandbox.Http;
using Logto.Connector.AliyunDirectMail.Sandbox.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logto.Connector.AliyunDirectMail.Sandbox;

/// <summary>
/// A local fake of Aliyun Direct Mail's SingleSendMail (RPC V1 signature, 2015-11-23) on 127.0.0.1: it verifies signatures,
/// timestamps and nonces like the real gateway, answers in Aliyun's shapes, keeps what it accepted in an outbox and can
/// inject faults. Direct Mail is served at <c>/</c>; the control API under <c>/_sandbox/</c>.
/// </summary>
public sealed class DirectMailSandbox : IAsyncDisposable
{
    private readonly SandboxHttpServer _server;
    private readonly SandboxOutbox _outbox;
    private readonly ExchangeLog _exchanges;
    private readonly FaultSwitch _faults;

    private DirectMailSandbox(SandboxHttpServer server, SandboxOutbox outbox, ExchangeLog exchanges, FaultSwitch faults)
    {
        _server = server;
        _outbox = outbox;
        _exchanges = exchanges;
        _faults = faults;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}/"));
    }

    /// <summary>The Direct Mail endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>A snapshot of the accepted messages, in acceptance order.</summary>
    public IReadOnlyList<SandboxMessage> Outbox => _outbox.Snapshot();

    /// <summary>A snapshot of every Direct Mail request seen (accepted, rejected, faulted, dropped), oldest first.</summary>
    public IReadOnlyList<SandboxExchange> Exchanges => _exchanges.Snapshot();

    public static Task<DirectMailSandbox> StartAsync(DirectMailSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new DirectMailSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Credentials, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));

        var credentials = new Dictionary<string, string>(options.Credentials, StringComparer.Ordinal);
        var time = options.TimeProvider;
        var logger = options.Logger ?? NullLogger.Instance;
        var outbox = new SandboxOutbox(options.OutboxDirectory is { } directory ? new OutboxFileWriter(directory) : null);
        var exchanges = new ExchangeLog(time);
        var faults = new FaultSwitch(logger);
        var authenticator = new RequestAuthenticator(credentials, new NonceRegistry(time), time);
        var router = new SandboxRouter(
            new DirectMailEndpoint(authenticator, faults, outbox, exchanges, time, logger),
            new ControlEndpoint(outbox, exchanges, faults),
            exchanges);

        var sandbox = new DirectMailSandbox(SandboxHttpServer.Start(options.Port, router, logger), outbox, exchanges, faults);
        SandboxLog.Started(logger, sandbox.Endpoint);
        return Task.FromResult(sandbox);
    }

    /// <summary>Applies <paramref name="fault"/> to the next Direct Mail requests, until cleared (kind None) or its Count runs out.</summary>
    public void SetFault(SandboxFault fault) => _faults.Set(fault);

    public void ClearOutbox() => _outbox.Clear();

    /// <summary>
    /// The oldest accepted message this method has not returned yet; waits when there is none.
    /// So "send, then wait" works even when the message arrived before the wait. <see cref="ClearOutbox"/> also clears this queue.
    /// </summary>
    public Task<SandboxMessage> WaitForMessageAsync(CancellationToken cancellationToken) => _outbox.WaitAsync(cancellationToken);

    /// <summary>Stops listening, closes every connection (cancelling held-back answers) and waits for their tasks.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        _outbox.Complete();
    }
}
