using System.CommandLine;
using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary><c>serve</c>, also the root command's action: the stdio JSON-RPC server.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("serve", "Serve the connectors over JSON-RPC 2.0 on stdin/stdout (the default command).");
        Configure(command, cli);
        return command;
    }

    /// <summary>Adds serve's options and action to <paramref name="command"/> (the root gets its own copies).</summary>
    public static void Configure(Command command, CliContext cli)
    {
        var parentPid = Positive<int>("--parent-pid", "pid", $"Exit when this process exits (default: ${CliOptions.ParentPidVariable}; else the original parent, on Unix).");
        var maxFrameBytes = Positive<long>("--max-frame-bytes", "bytes", "Largest accepted frame body; larger frames are skipped and answered -32600.", ConnectorHostOptions.DefaultMaxFrameBytes);
        var maxInflight = Positive<long>("--max-inflight-bytes", "bytes", "Bytes of params that requests in flight may hold together; a request over it is answered -32001.", ConnectorHostOptions.DefaultMaxInflightBytes);
        var maxConcurrent = Positive<int>("--max-concurrent-requests", "count", "Requests handled at the same time.", 128);
        var grace = Positive<int>("--shutdown-grace-ms", "ms", "On end of input, SIGTERM or parent death: how long requests in flight may still finish.", 5000);
        command.Options.Add(parentPid);
        command.Options.Add(maxFrameBytes);
        command.Options.Add(maxInflight);
        command.Options.Add(maxConcurrent);
        command.Options.Add(grace);
        command.SetAction(async (parse, _) =>
        {
            var parent = parse.GetResult(parentPid) is null ? ParentFromEnvironment() : parse.GetValue(parentPid);
            using var dependencies = CliConnectors.CreateDependencies(CliOptions.LogLevelOf(parse, LogLevel.Information));
            var options = new ConnectorHostOptions
            {
                ParentProcessId = parent,
                MaxFrameBytes = parse.GetValue(maxFrameBytes),
                MaxInflightBytes = parse.GetValue(maxInflight),
                MaxConcurrentRequests = parse.GetValue(maxConcurrent),
                ShutdownGracePeriod = TimeSpan.FromMilliseconds(parse.GetValue(grace)),
            };
            // The runner handles SIGTERM and Ctrl+C itself (a graceful drain); nothing else stops it.
            return await ConnectorHostRunner.RunAsync(CliConnectors.Create(dependencies), options, cli.Stdio, dependencies, CancellationToken.None)
                .ConfigureAwait(false);
        });
    }

    private static Option<T> Positive<T>(string name, string helpName, string description, T? defaultValue = null)
        where T : struct, INumber<T>
    {
        var option = new Option<T>(name) { Description = description, HelpName = helpName };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 1 && T.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var parsed) && parsed > T.Zero)
            {
                return parsed;
            }

            result.AddError($"{name} must be a positive whole number");
            return default;
        };
        return option;
    }

    private static int? ParentFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(CliOptions.ParentPidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : null;
}
