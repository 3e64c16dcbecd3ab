using System.Globalization;
using System.Numerics;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// The command lines the bridge starts the host with (<c>serve --parent-pid N</c>, and any of serve's options as
/// <c>--name value</c> pairs), read without System.CommandLine: building its commands, options and help text is a large part
/// of the host's start. Anything else (help, another command, <c>--name=value</c>, a repeated option, a value the full parser
/// would refuse) is left to System.CommandLine, so usage errors and help read the same either way; a test holds both readings
/// equal.
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

    /// <summary>The settings <paramref name="args"/> give, or false when they need the full parser.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ServeSettings settings)
    {
        settings = new ServeSettings();
        var start = args.Count > 0 && args[0] == Command ? 1 : 0;
        if ((args.Count - start) % 2 != 0)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < args.Count; i += 2)
        {
            var (name, value) = (args[i], args[i + 1]);
            if (!seen.Add(name))
            {
                return false;
            }

            ServeSettings? next = name switch
            {
                ParentPid => TryPositive<int>(value) is { } pid ? settings with { ParentPid = pid } : null,
                MaxFrameBytes => TryPositive<long>(value) is { } bytes ? settings with { MaxFrameBytes = bytes } : null,
                MaxInflightBytes => TryPositive<long>(value) is { } budget ? settings with { MaxInflightBytes = budget } : null,
                MaxConcurrentRequests => TryPositive<int>(value) is { } count ? settings with { MaxConcurrentRequests = count } : null,
                ShutdownGraceMs => TryPositive<int>(value) is { } ms ? settings with { ShutdownGraceMs = ms } : null,
                LogLevel => CliEnvironment.LevelNames.Contains(value) ? settings with { LogLevel = value } : null,
                _ => null,
            };
            if (next is null)
            {
                return false;
            }

            settings = next;
        }

        return true;
    }

    /// <summary>The same test as serve's System.CommandLine options make: a whole number above zero, invariant culture.</summary>
    public static T? TryPositive<T>(string text)
        where T : struct, INumber<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed > T.Zero ? parsed : null;
}
