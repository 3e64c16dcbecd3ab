using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// <c>send --to addr</c>: a test message like the admin console's Test button (type Generic, payload <c>{code: "000000"}</c>,
/// the config passed with the call). To try it without a provider account, point the config's <c>endpoint</c> at the dev sandbox.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliContext cli)
    {
        var to = new Option<string>("--to") { Description = "Recipient address.", HelpName = "address", Required = true };
        var type = new Option<string>("--type")
        {
            Description = "Logto template type.",
            HelpName = "type",
            DefaultValueFactory = _ => nameof(TemplateType.Generic),
        };
        type.AcceptOnlyFromAmong(Enum.GetNames<TemplateType>());
        var configPath = new Option<string>("--config")
        {
            Description = "Config file (JSON, as stored in Logto).",
            HelpName = "file",
            Required = true,
        };
        var connectorOption = CliOptions.CreateConnector();
        var command = new Command("send", "Send a test message, as Logto's Test button does.") { to, type, configPath, connectorOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = LoadConfig(parse.GetValue(configPath)!, cli.Error);
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

            var data = new SendMessageData(
                parse.GetValue(to)!,
                Enum.Parse<TemplateType>(parse.GetValue(type)!),
                Json(new JsonObject { ["code"] = "000000" }));
            return await SendAsync(cli, connector, data, Json(config), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static JsonObject? LoadConfig(string path, TextWriter error)
    {
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

    private static async Task<int> SendAsync(
        CliContext cli, IConnector connector, SendMessageData data, JsonElement config, CancellationToken cancellationToken)
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
            await cli.Out.WriteAsync(ReadableJson.Format(result)).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static JsonElement Json(JsonObject node) => JsonSerializer.SerializeToElement(node, CliJsonContext.Default.JsonObject);
}
