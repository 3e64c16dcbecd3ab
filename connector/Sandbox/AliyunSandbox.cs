using System.Globalization;
using Logto.Connector.AliyunSandbox.Control;
using Logto.Connector.AliyunSandbox.DirectMail;
using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Outbox;
using Logto.Connector.AliyunSandbox.Rpc;
using Logto.Connector.AliyunSandbox.Sms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logto.Connector.AliyunSandbox;

/// <summary>
/// A local fake of two Aliyun RPC APIs with the V1 signature on 127.0.0.1: Direct Mail's SingleSendMail (2015-11-23) and SMS's
/// SendSms (Dysmsapi 2017-05-25). It verifies signatures, timestamps and nonces like the real gateway, answers in Aliyun's
/// shapes, keeps what it accepted in an outbox per API and can inject faults. Both APIs are served at <c>/</c>, told apart by
/// the <c>Action</c> parameter; the control API is under <c>/_sandbox/</c>. A dev tool: it never ships in a package.
/// </summary>
public sealed class AliyunSandbox : IAsyncDisposable
{
    private readonly SandboxHttpServer server;
    private readonly SandboxOutbox<SandboxMessage> outbox;
    private readonly SandboxOutbox<SandboxSms> smsOutbox;
    private readonly ExchangeLog exchanges;
    private readonly FaultSwitch faults;

    private AliyunSandbox(
        SandboxHttpServer server,
        SandboxOutbox<SandboxMessage> outbox,
        SandboxOutbox<SandboxSms> smsOutbox,
        ExchangeLog exchanges,
        FaultSwitch faults)
    {
        this.server = server;
        this.outbox = outbox;
        this.smsOutbox = smsOutbox;
        this.exchanges = exchanges;
        this.faults = faults;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}/"));
    }

    /// <summary>The Direct Mail and SMS endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>A snapshot of the accepted mail messages, in acceptance order.</summary>
    public IReadOnlyList<SandboxMessage> Outbox => outbox.Snapshot();

    /// <summary>A snapshot of the accepted SMS messages, in acceptance order.</summary>
    public IReadOnlyList<SandboxSms> SmsOutbox => smsOutbox.Snapshot();

    /// <summary>A snapshot of every request to <see cref="Endpoint"/> (accepted, rejected, faulted, dropped), oldest first.</summary>
    public IReadOnlyList<SandboxExchange> Exchanges => exchanges.Snapshot();

    public static Task<AliyunSandbox> StartAsync(AliyunSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new AliyunSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Credentials, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));

        var credentials = new Dictionary<string, string>(options.Credentials, StringComparer.Ordinal);
        var time = options.TimeProvider;
        var logger = options.Logger ?? NullLogger.Instance;
        var files = options.OutboxDirectory is { } directory ? new OutboxFileWriter(directory) : null;
        var outbox = new SandboxOutbox<SandboxMessage>(files is null ? null : files.Write, message => message.EnvId, logger);
        var smsOutbox = new SandboxOutbox<SandboxSms>(files is null ? null : files.Write, sms => sms.BizId, logger);
        var exchanges = new ExchangeLog(time);
        var faults = new FaultSwitch(logger);
        IRpcApi[] apis = [new SingleSendMailApi(outbox, time), new SendSmsApi(smsOutbox, time)];
        var authenticator = new RequestAuthenticator(credentials, RpcGateway.Versions(apis), new NonceRegistry(time), time);
        var router = new SandboxRouter(
            new RpcGateway(apis, authenticator, faults, exchanges, time, logger),
            new ControlEndpoint(outbox, smsOutbox, exchanges, faults),
            exchanges);

        var sandbox = new AliyunSandbox(SandboxHttpServer.Start(options.Port, router, logger), outbox, smsOutbox, exchanges, faults);
        SandboxLog.Started(logger, sandbox.Endpoint);
        return Task.FromResult(sandbox);
    }

    /// <summary>
    /// Applies <paramref name="fault"/> to the next requests to <see cref="Endpoint"/>, until cleared (kind None) or its Count
    /// runs out.
    /// </summary>
    public void SetFault(SandboxFault fault) => faults.Set(fault);

    /// <summary>Empties the mail outbox (and its <see cref="WaitForMessageAsync"/> queue); the SMS outbox is left as it is.</summary>
    public void ClearOutbox() => outbox.Clear();

    /// <summary>Empties the SMS outbox (and its <see cref="WaitForSmsAsync"/> queue).</summary>
    public void ClearSmsOutbox() => smsOutbox.Clear();

    /// <summary>
    /// The oldest accepted message this method has not returned yet; waits when there is none.
    /// So "send, then wait" works even when the message arrived before the wait. <see cref="ClearOutbox"/> also clears this queue.
    /// </summary>
    public Task<SandboxMessage> WaitForMessageAsync(CancellationToken cancellationToken) => outbox.WaitAsync(cancellationToken);

    /// <summary>
    /// The oldest accepted SMS this method has not returned yet; waits when there is none (as <see cref="WaitForMessageAsync"/>).
    /// </summary>
    public Task<SandboxSms> WaitForSmsAsync(CancellationToken cancellationToken) => smsOutbox.WaitAsync(cancellationToken);

    /// <summary>Stops listening, closes every connection (cancelling held-back answers) and waits for their tasks.</summary>
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        outbox.Complete();
        smsOutbox.Complete();
    }
}
