using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli;

/// <summary>Options shared by several commands, and the environment variables behind them.</summary>
internal static class CliOptions
{
    public const string LogLevelVariable = "LOGTO_CONNECTOR_HOST_LOG_LEVEL";
    public const string ParentPidVariable = "LOGTO_CONNECTOR_HOST_PARENT_PID";

    private static readonly string[] LevelNames = ["trace", "debug", "information", "warning", "error", "critical", "none"];

    /// <summary>Logs go to stderr only, single-line text.</summary>
    public static Option<string?> LogLevel { get; } = CreateLogLevel();

    public static Option<string?> CreateConnector() => new("--connector")
    {
        Description = "The connector id; needed only when the host serves several connectors.",
        HelpName = "id",
    };

    /// <summary>The <c>--log-level</c> value, else <c>LOGTO_CONNECTOR_HOST_LOG_LEVEL</c>, else <paramref name="fallback"/>.</summary>
    public static LogLevel LogLevelOf(ParseResult parse, LogLevel fallback)
    {
        var text = parse.GetValue(LogLevel) ?? Environment.GetEnvironmentVariable(LogLevelVariable);
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : fallback;
    }

    private static Option<string?> CreateLogLevel()
    {
        var option = new Option<string?>("--log-level")
        {
            Description = $"Log level of the stderr log (default: ${LogLevelVariable}, else information for serve, warning otherwise).",
            Recursive = true,
            HelpName = "level",
        };
        option.AcceptOnlyFromAmong(LevelNames);
        return option;
    }
}
