using System.CommandLine;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// <c>validate-config &lt;file&gt;</c>: the connector's own validation, told to a person; exit 0 valid, 1 invalid, 2
/// unusable input.
/// </summary>
internal static class ValidateConfigCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "A JSON file holding the connector config (as stored in Logto)." };
        var connectorOption = CliOptions.CreateConnector();
        var command = new Command("validate-config", "Check a config file with the connector's validation.") { file, connectorOption };
        command.SetAction(async (parse, _) =>
        {
            var path = parse.GetValue(file)!;
            using var dependencies = CliConnectors.CreateDependencies(CliOptions.LogLevelOf(parse, LogLevel.Warning));
            var connector = CliConnectors.Select(CliConnectors.Create(dependencies), parse.GetValue(connectorOption), cli.Error);
            if (connector is null || ConfigFile.TryRead(path, cli.Error) is not { } config)
            {
                return ExitCodes.Usage;
            }

            try
            {
                connector.ValidateConfig(config);
            }
            catch (ConnectorException exception)
            {
                await cli.Out.WriteAsync($"invalid: {path} is not a valid {connector.Descriptor.Id} config: "
                    + ConnectorErrorReport.Describe(exception, connector, config)).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            await cli.Out.WriteLineAsync($"valid: {path} is a valid {connector.Descriptor.Id} config").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
