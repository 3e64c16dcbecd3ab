using System.CommandLine;
using System.Text;
using Logto.ConnectorHost.Cli.Commands;

namespace Logto.ConnectorHost.Cli;

/// <summary>
/// The command line: <c>serve</c> (the default), <c>manifest</c>, <c>schema</c>, <c>validate-config</c>, <c>send</c>,
/// <c>stack-trace</c>. Published builds keep only <c>serve</c> and <c>stack-trace</c> (<see cref="ServeOnlyBuild"/>).
/// </summary>
internal static class HostCli
{
    public static async Task<int> RunAsync(string[] args, ConnectorHostStreams stdio)
    {
        // `serve` as the bridge starts it, at every Logto start: without building the command line's commands and help.
        if (ServeArguments.TryParse(args, out var serve))
        {
            return await ServeCommand.RunAsync(serve, stdio).ConfigureAwait(false);
        }

        // A constant in published builds: the full command line below, System.CommandLine with it, is left out of them.
        if (ServeOnlyBuild.IsEnabled)
        {
            return ServeOnlyBuild.Run(args, Console.Error);
        }

        return await RunCommandLineAsync(args, stdio).ConfigureAwait(false);
    }

    private static async Task<int> RunCommandLineAsync(string[] args, ConnectorHostStreams stdio)
    {
        var stdout = new StreamWriter(stdio.Output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true)
        {
            AutoFlush = true,
            NewLine = "\n",
        };
        await using (stdout.ConfigureAwait(false))
        {
            var cli = new CliContext(stdio, stdout, Console.Error);
            var root = CreateRoot(cli, args);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    await cli.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                }

                await cli.Error.WriteLineAsync("Run 'logto-connector-host --help' for usage.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // No termination handling here: `serve` leaves SIGTERM to the host runner.
            var invocation = new InvocationConfiguration { Output = stdout, Error = cli.Error, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
    }

    private static readonly (string Name, Func<CliContext, Command> Create)[] Subcommands =
    [
        (ServeArguments.Command, ServeCommand.Create),
        ("manifest", DescribeCommands.CreateManifest),
        ("schema", DescribeCommands.CreateSchema),
        ("validate-config", ValidateConfigCommand.Create),
        ("send", SendCommand.Create),
        (StackTraceCommand.Name, StackTraceCommand.Create),
    ];

    /// <summary>
    /// The root with every subcommand, or only the one <paramref name="args"/> start with: `serve` runs at every Logto start
    /// and need not build the other commands' options (parse results and errors are the same; help lists what was built,
    /// and a subcommand's help shows only that subcommand anyway).
    /// </summary>
    public static RootCommand CreateRoot(CliContext cli, string[] args)
    {
        var root = new RootCommand(
            "Serves Logto connectors written in C# over JSON-RPC 2.0 on stdio (LSP Content-Length framing, protocol v1), " +
            "and lets a person inspect and try them. Without a command it serves.");
        root.Options.Add(CliOptions.LogLevel);
        ServeCommand.Configure(root, cli);
        var invoked = args.Length > 0 ? Array.Find(Subcommands, command => command.Name == args[0]).Create : null;
        foreach (var (_, create) in Subcommands)
        {
            if (invoked is null || create == invoked)
            {
                root.Subcommands.Add(create(cli));
            }
        }

        return root;
    }
}
