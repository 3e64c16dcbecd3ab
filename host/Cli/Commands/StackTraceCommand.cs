using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>
/// <c>stack-trace</c>: prints this process's own stack trace to stderr. A published Native AOT host has no stack trace
/// metadata, so its frames read <c>logto-connector-host!&lt;BaseAddress&gt;+0x…</c>; this shows an operator (and a test) that
/// <c>scripts/symbolize</c> and the symbols kept for a build turn that build's frames into methods and lines. Expected failures
/// are logged without stack traces, so this is the one trace a healthy host can be asked for.
/// </summary>
internal static class StackTraceCommand
{
    public const string Name = "stack-trace";

    public static Command Create(CliContext cli)
    {
        var command = new Command(
            Name, "Print this build's own stack trace to stderr (to check scripts/symbolize and the kept symbols).");
        command.SetAction(_ =>
        {
            PrintOwnStackTrace(cli.Error);
            return ExitCodes.Ok;
        });
        return command;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PrintOwnStackTrace(TextWriter error) => error.WriteLine(Environment.StackTrace);
}
