using System.CommandLine;
using Logto.ConnectorHost.Cli.Commands;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli;

/// <summary>Options shared by several commands (the environment variables behind them: <see cref="CliEnvironment"/>).</summary>
internal static class CliOptions
{
    /// <summary>Logs go to stderr only, single-line text.</summary>
    public static Option<string?> LogLevel { get; } = CreateLogLevel();

    public static Option<string?> CreateConnector() => new("--connector")
    {
        Description = "The connector id; needed only when the host serves several connectors.",
        HelpName = "id",
    };

    /// <summary>The <c>--log-level</c> value, else <c>LOGTO_CONNECTOR_HOST_LOG_LEVEL</c>, else <paramref name="fallback"/>.</summary>
    public static LogLevel LogLevelOf(ParseResult parse, LogLevel fallback) =>
        CliEnvironment.LogLevelOf(parse.GetValue(LogLevel), fallback);

    private static Option<string?> CreateLogLevel()
    {
        var option = new Option<string?>(ServeArguments.LogLevel)
        {
            Description = $"Log level of the stderr log (default: ${CliEnvironment.LogLevelVariable}, " +
                "else information for serve, warning otherwise).",
            Recursive = true,
            HelpName = "level",
        };
        option.AcceptOnlyFromAmong([.. CliEnvironment.LevelNames]);
        return option;
    }
}
