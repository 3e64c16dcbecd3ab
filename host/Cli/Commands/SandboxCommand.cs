using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Logto.Connector.AliyunDirectMail.Sandbox;
using Logto.ConnectorHost.Logging;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// <c>sandbox</c>: the Direct Mail sandbox on its own. Its endpoint URL is the first stdout line (scripts read it); it serves
/// until stdin closes, SIGTERM or Ctrl+C.
/// </summary>
internal static class SandboxCommand
{
    /// <summary>The secret the sandbox expects for its access key id (default <c>sandbox-access-key-secret</c>); an environment
    /// variable, not an option, so it never shows in a process list. Test runs set it to a canary they then look for in every output.</summary>
    public const string AccessKeySecretVariable = "LOGTO_SANDBOX_ACCESS_KEY_SECRET";

    public static Command Create(CliContext cli)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port).", HelpName = "port", DefaultValueFactory = _ => 0 };
        port.CustomParser = result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535)
            {
                return value;
            }

            result.AddError("--port must be a number between 0 and 65535");
            return 0;
        };
        var outboxDir = new Option<string?>("--outbox-dir") { Description = "Also write each accepted message there as <EnvId>.eml and <EnvId>.json.", HelpName = "dir" };
        var command = new Command(
            "sandbox",
            $"Run the Direct Mail sandbox; print its endpoint URL first, serve until stdin closes. It accepts the access key id " +
            $"{DirectMailSandboxOptions.DefaultAccessKeyId} with the secret ${AccessKeySecretVariable} (default {DirectMailSandboxOptions.DefaultAccessKeySecret}).") { port, outboxDir };
        command.SetAction(async (parse, _) =>
        {
            using var loggerFactory = StderrLoggerProvider.CreateFactory(CliOptions.LogLevelOf(parse, LogLevel.Information));
            using var stop = new CancellationTokenSource();
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            var options = new DirectMailSandboxOptions
            {
                Port = parse.GetValue(port),
                OutboxDirectory = parse.GetValue(outboxDir),
                Credentials = new Dictionary<string, string>(StringComparer.Ordinal) { [DirectMailSandboxOptions.DefaultAccessKeyId] = AccessKeySecret() },
                Logger = loggerFactory.CreateLogger("Sandbox"),
            };
            var sandbox = await DirectMailSandbox.StartAsync(options, stop.Token).ConfigureAwait(false);
            await using (sandbox.ConfigureAwait(false))
            {
                await cli.Out.WriteLineAsync(sandbox.Endpoint.ToString()).ConfigureAwait(false);
                await WaitForEndOfInputAsync(cli.Stdio.Input, stop.Token).ConfigureAwait(false);
            }

            return ExitCodes.Ok;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }

    private static string AccessKeySecret() =>
        Environment.GetEnvironmentVariable(AccessKeySecretVariable) is { Length: > 0 } secret ? secret : DirectMailSandboxOptions.DefaultAccessKeySecret;

    private static async Task WaitForEndOfInputAsync(Stream input, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
                // Input is ignored; only its end matters.
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // SIGTERM or Ctrl+C.
        }
    }
}
