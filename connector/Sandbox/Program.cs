using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Logto.Connector.AliyunSandbox;
using Logto.Connector.AliyunSandbox.Cli;
using Microsoft.Extensions.Logging;

// logto-aliyun-sandbox [--port N] [--outbox-dir DIR] [--log-level LEVEL]: the sandbox on its own. Its endpoint URL is the first
// stdout line (scripts read it); it serves until stdin closes, SIGTERM or Ctrl+C. Logs go to stderr.

// The secret for the access key id: an environment variable, not an option, so that it never shows in a process list. Test
// runs set it to a canary they then look for in every output.
const string AccessKeySecretVariable = "LOGTO_SANDBOX_ACCESS_KEY_SECRET";
string[] levelNames = ["trace", "debug", "information", "warning", "error", "critical", "none"];

var port = new Option<int>("--port")
{
    Description = "TCP port on 127.0.0.1 (0 = any free port).",
    HelpName = "port",
    DefaultValueFactory = _ => 0,
};
port.CustomParser = result =>
{
    if (result.Tokens.Count == 1
        && int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value <= 65535)
    {
        return value;
    }

    result.AddError("--port must be a number between 0 and 65535");
    return 0;
};
var outboxDir = new Option<string?>("--outbox-dir")
{
    Description = "Also write each accepted mail there as <EnvId>.eml and <EnvId>.json, each accepted SMS as <BizId>.sms.json.",
    HelpName = "dir",
};
var logLevel = new Option<string>("--log-level")
{
    Description = "Log level of the stderr log.",
    HelpName = "level",
    DefaultValueFactory = _ => "information",
};
logLevel.AcceptOnlyFromAmong(levelNames);

var root = new RootCommand(
    "A local fake of Aliyun Direct Mail (SingleSendMail) and SMS (SendSms) for development and tests. Prints its endpoint URL " +
    "first, then serves until stdin closes. It accepts the access key id " +
    $"{AliyunSandboxOptions.DefaultAccessKeyId} with the secret ${AccessKeySecretVariable} " +
    $"(default {AliyunSandboxOptions.DefaultAccessKeySecret}).")
{
    port, outboxDir, logLevel,
};
root.SetAction(async (parse, _) =>
{
    var level = Enum.Parse<LogLevel>(parse.GetValue(logLevel)!, ignoreCase: true);
    using var stop = new CancellationTokenSource();
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    var options = new AliyunSandboxOptions
    {
        Port = parse.GetValue(port),
        OutboxDirectory = parse.GetValue(outboxDir),
        Credentials = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AliyunSandboxOptions.DefaultAccessKeyId] = AccessKeySecret(),
        },
        Logger = new StderrLogger("Sandbox", level, Console.Error),
    };
    var sandbox = await AliyunSandbox.StartAsync(options, stop.Token).ConfigureAwait(false);
    await using (sandbox.ConfigureAwait(false))
    {
        await Console.Out.WriteLineAsync(sandbox.Endpoint.ToString()).ConfigureAwait(false);
        await Console.Out.FlushAsync(stop.Token).ConfigureAwait(false);
        await WaitForEndOfInputAsync(Console.OpenStandardInput(), stop.Token).ConfigureAwait(false);
    }

    return 0;

    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
});
// Signals are handled above (a clean stop, exit 0), not by System.CommandLine (which would exit 143 after a grace period);
// its usage errors go to stderr.
var invocation = new InvocationConfiguration { Error = Console.Error, ProcessTerminationTimeout = null };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);

static string AccessKeySecret() =>
    Environment.GetEnvironmentVariable(AccessKeySecretVariable) is { Length: > 0 } secret
        ? secret
        : AliyunSandboxOptions.DefaultAccessKeySecret;

// A read of stdin does not observe a cancellation token once started, so the signal is awaited beside it instead.
static async Task WaitForEndOfInputAsync(Stream input, CancellationToken cancellationToken)
{
    var endOfInput = Task.Run(
        async () =>
        {
            var buffer = new byte[256];
            while (await input.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
                // Input is ignored; only its end matters.
            }
        },
        CancellationToken.None);
    var signal = Task.Delay(Timeout.Infinite, cancellationToken);
    await Task.WhenAny(endOfInput, signal).ConfigureAwait(false);
}
