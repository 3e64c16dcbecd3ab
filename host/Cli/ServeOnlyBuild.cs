using System.Diagnostics.CodeAnalysis;
using Logto.ConnectorHost.Cli.Commands;

namespace Logto.ConnectorHost.Cli;

/// <summary>
/// The published host (Native AOT, or trimmed single file) only serves: the bridge always starts it with serve's command
/// line, which <see cref="ServeArguments"/> reads. The project file sets this switch for published builds only, so ILC and
/// ILLink read <see cref="IsEnabled"/> as the constant true and leave System.CommandLine and the other commands out of the
/// binary: less to map and to start. Debug and test builds keep the full command line.
/// </summary>
internal static class ServeOnlyBuild
{
    public const string Switch = "Logto.ConnectorHost.Cli.ServeOnly";

    public const string Refusal =
        "logto-connector-host: this published build only serves (as the Logto bridge starts it) and runs stack-trace; " +
        "the CLI commands (manifest, schema, validate-config, send, --help) run from source: " +
        "dotnet run --project host/Cli -- --help";

    [FeatureSwitchDefinition(Switch)]
    public static bool IsEnabled => AppContext.TryGetSwitch(Switch, out var enabled) && enabled;

    /// <summary>
    /// A command line other than serve's: <c>stack-trace</c> runs (scripts/symbolize needs a trace of this very binary);
    /// anything else is refused, with what is wrong when it was meant for serve.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter error)
    {
        if (args is [StackTraceCommand.Name])
        {
            StackTraceCommand.PrintOwnStackTrace(error);
            return ExitCodes.Ok;
        }

        if (args is [var first, ..] && (first == ServeArguments.Command || ServeArguments.Options.Contains(first))
            && ServeArguments.Read(args, out _) is { } problem)
        {
            error.WriteLine($"error: {problem}");
        }

        error.WriteLine(Refusal);
        return ExitCodes.Usage;
    }
}
