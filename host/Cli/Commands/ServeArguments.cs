using System.Globalization;
using System.Numerics;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// The command lines the bridge starts the host with (<c>serve --parent-pid N</c>, and any of serve's options as
/// <c>--name value</c> pairs), read without System.CommandLine: building its commands, options and help text is a large part
/// of the host's start. Anything else (help, another command, <c>--name=value</c>, a repeated option, a value the full parser
/// would refuse) is left to System.CommandLine, so usage errors and help read the same either way; a test holds both readings
/// equal. The published build has no System.CommandLine (<see cref="ServeOnlyBuild"/>): there a command line that is not
/// serve's is refused, naming what is wrong with it.
/// </summary>
internal static class ServeArguments
{
    public const string Command = "serve";
    public const string ParentPid = "--parent-pid";
    public const string MaxFrameBytes = "--max-frame-bytes";
    public const string MaxInflightBytes = "--max-inflight-bytes";
    public const string MaxConcurrentRequests = "--max-concurrent-requests";
    public const string ShutdownGraceMs = "--shutdown-grace-ms";
    public const string LogLevel = "--log-level";

    /// <summary>Serve's options, each taking one value.</summary>
    public static IReadOnlySet<string> Options { get; } =
        new HashSet<string>(
            [ParentPid, MaxFrameBytes, MaxInflightBytes, MaxConcurrentRequests, ShutdownGraceMs, LogLevel], StringComparer.Ordinal);

    /// <summary>The settings <paramref name="args"/> give, or false when they need the full parser.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ServeSettings settings) => Read(args, out settings) is null;

    /// <summary>
    /// Reads <paramref name="args"/> into <paramref name="settings"/>; returns null when they are serve's command line, else
    /// what is wrong with them, naming the argument (the published build, which has no full parser, reports that).
    /// </summary>
    public static string? Read(IReadOnlyList<string> args, out ServeSettings settings)
    {
        settings = new ServeSettings();
        var start = args.Count > 0 && args[0] == Command ? 1 : 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!Options.Contains(name))
            {
                return $"unknown argument '{name}' for serve";
            }

            if (i + 1 == args.Count)
            {
                return $"{name} needs a value";
            }

            if (!seen.Add(name))
            {
                return $"{name} is given twice";
            }

            var value = args[i + 1];
            ServeSettings? next = name switch
            {
                ParentPid => TryPositive<int>(value) is { } pid ? settings with { ParentPid = pid } : null,
                MaxFrameBytes => TryPositive<long>(value) is { } bytes ? settings with { MaxFrameBytes = bytes } : null,
                MaxInflightBytes => TryPositive<long>(value) is { } budget ? settings with { MaxInflightBytes = budget } : null,
                MaxConcurrentRequests => TryPositive<int>(value) is { } count ? settings with { MaxConcurrentRequests = count } : null,
                ShutdownGraceMs => TryPositive<int>(value) is { } ms ? settings with { ShutdownGraceMs = ms } : null,
                _ => CliEnvironment.LevelNames.Contains(value) ? settings with { LogLevel = value } : null,
            };
            if (next is null)
            {
                return name == LogLevel
                    ? $"{name} must be one of {string.Join(", ", CliEnvironment.LevelNames)}, not '{value}'"
                    : $"{name} must be a positive whole number, not '{value}'";
            }

            settings = next;
        }

        return null;
    }

    /// <summary>The same test as serve's System.CommandLine options make: a whole number above zero, invariant culture.</summary>
    public static T? TryPositive<T>(string text)
        where T : struct, INumber<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed > T.Zero ? parsed : null;
}
