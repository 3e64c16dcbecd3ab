using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.ConnectorHost.Cli;

namespace Host.Tests.Cli;

/// <summary>
/// The published host only serves (tests/node/host-binaries.test.mjs runs that build); the build the tests run keeps the
/// full command line, and the published build's answers to other command lines are these.
/// </summary>
public sealed class ServeOnlyBuildTests
{
    [Fact]
    public void The_built_CLI_the_tests_run_is_not_serve_only()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(Artifacts.CliDll, ".runtimeconfig.json")))!;

        Assert.Null(runtimeConfig["runtimeOptions"]?["configProperties"]?[ServeOnlyBuild.Switch]);
        Assert.False(ServeOnlyBuild.IsEnabled);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("manifest")]
    [InlineData("stack-trace", "extra")]
    public void Another_command_line_is_refused_in_one_line_naming_the_way_to_the_full_CLI(params string[] args)
    {
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.Usage, ServeOnlyBuild.Run(args, error));
        Assert.Equal(ServeOnlyBuild.Refusal + Environment.NewLine, error.ToString());
        Assert.Contains("dotnet run --project host/Cli -- --help", ServeOnlyBuild.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown argument 'extra'", "serve", "extra")]
    [InlineData("unknown argument '--parent-pid=5'", "serve", "--parent-pid=5")]
    [InlineData("unknown argument '--help'", "serve", "--help")]
    [InlineData("--parent-pid needs a value", "serve", "--parent-pid")]
    [InlineData("--parent-pid is given twice", "--parent-pid", "1", "--parent-pid", "2")]
    [InlineData("--max-frame-bytes must be a positive whole number, not '0'", "serve", "--max-frame-bytes", "0")]
    [InlineData("--shutdown-grace-ms must be a positive whole number, not 'soon'", "serve", "--shutdown-grace-ms", "soon")]
    [InlineData("--log-level must be one of trace, debug,", "serve", "--log-level", "loud")]
    public void A_bad_serve_command_line_is_refused_naming_the_bad_argument(string problem, params string[] args)
    {
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.Usage, ServeOnlyBuild.Run(args, error));
        var lines = error.ToString().Split(Environment.NewLine);
        Assert.StartsWith($"error: {problem}", lines[0], StringComparison.Ordinal);
        Assert.Equal(ServeOnlyBuild.Refusal, lines[1]);
    }

    [Fact]
    public void Stack_trace_prints_this_builds_own_trace()
    {
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.Ok, ServeOnlyBuild.Run(["stack-trace"], error));
        Assert.Contains("PrintOwnStackTrace", error.ToString(), StringComparison.Ordinal);
    }
}
