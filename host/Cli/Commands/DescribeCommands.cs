using System.CommandLine;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary><c>manifest</c> and <c>schema</c>: print what a connector declares, in the committed files' text form.</summary>
internal static class DescribeCommands
{
    public static Command CreateManifest(CliContext cli) => Create(
        cli,
        "manifest",
        "Print the connector's logto-connector.manifest.json (Logto type and metadata, config schema path, how to start the host).",
        connector => ConnectorManifest.Build(connector.Descriptor, HostManifest.Section));

    public static Command CreateSchema(CliContext cli) =>
        Create(cli, "schema", "Print the connector's config JSON Schema.", connector => connector.Descriptor.ConfigSchema);

    private static Command Create(
        CliContext cli, string name, string description, Func<IConnector, System.Text.Json.Nodes.JsonNode> describe)
    {
        var connectorOption = CliOptions.CreateConnector();
        var command = new Command(name, description) { connectorOption };
        command.SetAction(async (parse, _) =>
        {
            using var dependencies = CliConnectors.CreateDependencies(CliOptions.LogLevelOf(parse, LogLevel.Warning));
            var connector = CliConnectors.Select(CliConnectors.Create(dependencies), parse.GetValue(connectorOption), cli.Error);
            if (connector is null)
            {
                return ExitCodes.Usage;
            }

            await cli.Out.WriteAsync(ReadableJson.Format(describe(connector))).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
