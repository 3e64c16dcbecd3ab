using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunDirectMail.Sandbox;
using Logto.ConnectorKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>
/// The connector wired the way the host wires it (<c>AddHttpClient()</c> + <c>AddSingleton&lt;IConnector, …&gt;</c>), logging at
/// Trace into memory, next to a real <see cref="DirectMailSandbox"/> whose only credential is a recognisable canary.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public const string AccessKeyId = "canary-access-key-id";
    public const string Secret = "CANARY-SECRET-q7Zx93LmVb";

    private readonly ServiceProvider services;

    private ConnectorHarness(DirectMailSandbox sandbox, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Sandbox = sandbox;
        this.services = services;
        Logs = logs;
        Connector = services.GetRequiredService<IConnector>();
    }

    public DirectMailSandbox Sandbox { get; }

    public IConnector Connector { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<ConnectorHarness> StartAsync(TimeSpan? timeout = null)
    {
        var sandbox = await DirectMailSandbox.StartAsync(new DirectMailSandboxOptions
        {
            Credentials = new Dictionary<string, string> { [AccessKeyId] = Secret },
        });
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddHttpClient();
        if (timeout is { } value)
        {
            collection.Configure<AliyunDirectMailOptions>(options => options.Timeout = value);
        }

        collection.AddSingleton<IConnector, AliyunDirectMailConnector>();
        return new ConnectorHarness(sandbox, collection.BuildServiceProvider(), logs);
    }

    public System.Text.Json.Nodes.JsonObject Config(string? secret = null, string? endpoint = null, string? fromAlias = null, bool? escapeHtml = null) =>
        TestConfigs.Json(AccessKeyId, secret ?? Secret, endpoint ?? Sandbox.Endpoint.ToString(), fromAlias: fromAlias, escapeHtml: escapeHtml);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
