using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.Connector.AliyunDirectMail.Sandbox;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// <c>send --to addr</c>: a test message like the admin console's Test button (type Generic, payload <c>{code: "000000"}</c>,
/// the config passed with the call). <c>--sandbox</c> sends it to an embedded Direct Mail sandbox and prints what it accepted.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliContext cli)
    {
        var to = new Option<string>("--to") { Description = "Recipient address.", HelpName = "address", Required = true };
        var type = new Option<string>("--type") { Description = "Logto template type.", HelpName = "type", DefaultValueFactory = _ => nameof(TemplateType.Generic) };
        type.AcceptOnlyFromAmong(Enum.GetNames<TemplateType>());
        var configPath = new Option<string?>("--config") { Description = "Config file (JSON, as stored in Logto); optional with --sandbox.", HelpName = "file" };
        var sandbox = new Option<bool>("--sandbox")
        {
            Description = "Send to an embedded Direct Mail sandbox (its endpoint and credentials replace the config's; a demo config when no --config).",
        };
        var connectorOption = CliOptions.CreateConnector();
        var command = new Command("send", "Send a test message, as Logto's Test button does.") { to, type, configPath, sandbox, connectorOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var useSandbox = parse.GetValue(sandbox);
            var config = LoadConfig(parse.GetValue(configPath), useSandbox, cli.Error);
            if (config is null)
            {
                return ExitCodes.Usage;
            }

            var logLevel = CliOptions.LogLevelOf(parse, LogLevel.Warning);
            using var dependencies = CliConnectors.CreateDependencies(logLevel);
            var connector = CliConnectors.Select(CliConnectors.Create(dependencies), parse.GetValue(connectorOption), cli.Error);
            if (connector is null)
            {
                return ExitCodes.Usage;
            }

            var data = new SendMessageData(parse.GetValue(to)!, Enum.Parse<TemplateType>(parse.GetValue(type)!), Json(new JsonObject { ["code"] = "000000" }));
            if (!useSandbox)
            {
                return await SendAsync(cli, connector, data, Json(config), cancellationToken).ConfigureAwait(false);
            }

                        var box = await DirectMailSandbox.StartAsync(new DirectMailSandboxOptions { Logger = dependencies.LoggerFactory.CreateLogger("Sandbox") }, cancellationToken)
                .ConfigureAwait(false);
            await using (box.ConfigureAwait(false))
            {
                var exitCode = await SendAsync(cli, connector, data, Json(DemoConfig.UseSandbox(config, box)), cancellationToken).ConfigureAwait(false);
                if (exitCode == ExitCodes.Ok)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(5));
                    await PrintAsync(cli.Out, await box.WaitForMessageAsync(timeout.Token).ConfigureAwait(false)).ConfigureAwait(false);
                }

                return exitCode;
            }
        });
        return command;
    }

    private static JsonObject? LoadConfig(string? path, bool useSandbox, TextWriter error)
    {
        if (path is null)
        {
            if (useSandbox)
            {
                return DemoConfig.Create();
            }

            error.WriteLine("error: --config is required (or use --sandbox for a demo config)");
            return null;
        }

        if (ConfigFile.TryRead(path, error) is not { } element)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error.WriteLine($"error: {path} must hold a JSON object");
            return null;
        }

        return JsonObject.Create(element);
    }

    private static async Task<int> SendAsync(CliContext cli, IConnector connector, SendMessageData data, JsonElement config, CancellationToken cancellationToken)
    {
        JsonElement result;
        try
        {
            result = await connector.SendMessageAsync(new SendMessageCall(data, config), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException exception)
        {
            await cli.Out.WriteAsync("failed: " + ConnectorErrorReport.Describe(exception, connector, config)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            await cli.Out.WriteLineAsync($"failed: {exception.GetType().Name} (see the log on stderr)").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await cli.Out.WriteLineAsync($"sent: {data.Type} message to {data.To} with {connector.Descriptor.Id}").ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Undefined)
        {
            await cli.Out.WriteLineAsync(ConnectorErrorReport.Pretty(result)).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task PrintAsync(TextWriter output, SandboxMessage message)
    {
        var from = message.FromAlias is { Length: > 0 } alias ? $"{alias} <{message.AccountName}>" : message.AccountName;
        await output.WriteLineAsync($"accepted by the sandbox (EnvId {message.EnvId}):").ConfigureAwait(false);
        await output.WriteLineAsync($"From:    {from}").ConfigureAwait(false);
        await output.WriteLineAsync($"To:      {message.ToAddress}").ConfigureAwait(false);
        await output.WriteLineAsync($"Subject: {message.Subject}").ConfigureAwait(false);
        await output.WriteLineAsync(message.HtmlBody is not null ? "Body (HTML):" : "Body (text):").ConfigureAwait(false);
        await output.WriteLineAsync(message.HtmlBody ?? message.TextBody ?? "").ConfigureAwait(false);
    }

    private static JsonElement Json(JsonObject node) => JsonSerializer.SerializeToElement(node, CliJsonContext.Default.JsonObject);
}
