using System.CommandLine;
using System.Numerics;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary><c>serve</c>, also the root command's action: the stdio JSON-RPC server.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command(ServeArguments.Command, "Serve the connectors over JSON-RPC 2.0 on stdin/stdout (the default command).");
        Configure(command, cli);
        return command;
    }

    /// <summary>Adds serve's options and action to <paramref name="command"/> (the root gets its own copies).</summary>
    public static void Configure(Command command, CliContext cli)
    {
        var defaults = new ServeSettings();
        var parentPid = Positive<int>(
            ServeArguments.ParentPid,
            "pid",
            $"Exit when this process exits (default: ${CliEnvironment.ParentPidVariable}; else the original parent, on Unix).");
        var maxFrameBytes = Positive<long>(
            ServeArguments.MaxFrameBytes,
            "bytes",
            "Largest accepted frame body; larger frames are skipped and answered -32600.",
            defaults.MaxFrameBytes);
        var maxInflight = Positive<long>(
            ServeArguments.MaxInflightBytes,
            "bytes",
            "Bytes of params that requests in flight may hold together; a request over it is answered -32001.",
            defaults.MaxInflightBytes);
        var maxConcurrent = Positive<int>(
            ServeArguments.MaxConcurrentRequests,
            "count",
            "Requests handled at the same time.",
            defaults.MaxConcurrentRequests);
        var grace = Positive<int>(
            ServeArguments.ShutdownGraceMs,
            "ms",
            "On end of input, SIGTERM or parent death: how long requests in flight may still finish.",
            defaults.ShutdownGraceMs);
        command.Options.Add(parentPid);
        command.Options.Add(maxFrameBytes);
        command.Options.Add(maxInflight);
        command.Options.Add(maxConcurrent);
        command.Options.Add(grace);
        command.SetAction((parse, _) => RunAsync(ReadSettings(parse), cli.Stdio));
    }

    /// <summary>Serve's settings from System.CommandLine's parse of a command line that runs <c>serve</c>.</summary>
    public static ServeSettings ReadSettings(ParseResult parse) => new()
    {
        ParentPid = parse.GetResult(ServeArguments.ParentPid) is null ? null : parse.GetValue<int>(ServeArguments.ParentPid),
        LogLevel = parse.GetValue(CliOptions.LogLevel),
        MaxFrameBytes = parse.GetValue<long>(ServeArguments.MaxFrameBytes),
        MaxInflightBytes = parse.GetValue<long>(ServeArguments.MaxInflightBytes),
        MaxConcurrentRequests = parse.GetValue<int>(ServeArguments.MaxConcurrentRequests),
        ShutdownGraceMs = parse.GetValue<int>(ServeArguments.ShutdownGraceMs),
    };

    /// <summary>Serves with <paramref name="settings"/> until the input ends or the host is stopped; returns the exit code.</summary>
    public static async Task<int> RunAsync(ServeSettings settings, ConnectorHostStreams stdio)
    {
        using var dependencies = CliConnectors.CreateDependencies(CliEnvironment.LogLevelOf(settings.LogLevel, LogLevel.Information));
        var options = new ConnectorHostOptions
        {
            ParentProcessId = settings.ParentPid ?? CliEnvironment.ParentPid(),
            MaxFrameBytes = settings.MaxFrameBytes,
            MaxInflightBytes = settings.MaxInflightBytes,
            MaxConcurrentRequests = settings.MaxConcurrentRequests,
            ShutdownGracePeriod = TimeSpan.FromMilliseconds(settings.ShutdownGraceMs),
            HostVersion = HostBuildInfo.Version,
        };
        // The runner handles SIGTERM and Ctrl+C itself (a graceful drain); nothing else stops it.
        return await ConnectorHostRunner.RunAsync(CliConnectors.Create(dependencies), options, stdio, dependencies, CancellationToken.None)
            .ConfigureAwait(false);
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
            if (result.Tokens.Count == 1 && ServeArguments.TryPositive<T>(result.Tokens[0].Value) is { } parsed)
            {
                return parsed;
            }

            result.AddError($"{name} must be a positive whole number");
            return default;
        };
        return option;
    }
}
