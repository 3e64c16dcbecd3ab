using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli;

/// <summary>
/// The environment variables behind the CLI's options, and the log levels <c>--log-level</c> accepts. Apart from
/// <see cref="CliOptions"/> so that <c>serve</c>'s fast path (<see cref="Commands.ServeArguments"/>) reads them without
/// building System.CommandLine's options.
/// </summary>
internal static class CliEnvironment
{
    public const string LogLevelVariable = "LOGTO_CONNECTOR_HOST_LOG_LEVEL";
    public const string ParentPidVariable = "LOGTO_CONNECTOR_HOST_PARENT_PID";

    public static IReadOnlyList<string> LevelNames { get; } =
        ["trace", "debug", "information", "warning", "error", "critical", "none"];

    /// <summary><paramref name="option"/> (the <c>--log-level</c> value), else the variable, else <paramref name="fallback"/>.</summary>
    public static LogLevel LogLevelOf(string? option, LogLevel fallback)
    {
        var text = option ?? Environment.GetEnvironmentVariable(LogLevelVariable);
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : fallback;
    }

    /// <summary>The parent pid from <c>LOGTO_CONNECTOR_HOST_PARENT_PID</c>, when it holds one.</summary>
    public static int? ParentPid()
    {
        var text = Environment.GetEnvironmentVariable(ParentPidVariable);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }
}
