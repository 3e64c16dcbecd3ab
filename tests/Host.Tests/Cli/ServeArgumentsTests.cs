using System.CommandLine;
using Logto.ConnectorHost;
using Logto.ConnectorHost.Cli;
using Logto.ConnectorHost.Cli.Commands;

namespace Host.Tests.Cli;

/// <summary>
/// `serve`'s fast path reads the command lines it takes exactly as System.CommandLine does, and leaves it everything else.
/// </summary>
public sealed class ServeArgumentsTests
{
    [Theory]
    [InlineData]
    [InlineData("serve")]
    [InlineData("serve", "--parent-pid", "4242")]
    [InlineData("--parent-pid", "4242")]
    [InlineData("serve", "--parent-pid", "+17")]
    [InlineData("serve", "--parent-pid", " 17 ")]
    [InlineData("--log-level", "debug")]
    [InlineData(
        "serve", "--log-level", "trace", "--max-frame-bytes", "1024", "--max-inflight-bytes", "9000000000",
        "--max-concurrent-requests", "3", "--shutdown-grace-ms", "250", "--parent-pid", "7")]
    public void A_command_line_it_takes_reads_as_System_CommandLine_reads_it(params string[] args)
    {
        Assert.True(ServeArguments.TryParse(args, out var fast));

        var parse = Parse(args);

        Assert.Empty(parse.Errors);
        Assert.True(parse.CommandResult.Command is RootCommand || parse.CommandResult.Command.Name == ServeArguments.Command);
        Assert.Equal(ServeCommand.ReadSettings(parse), fast);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("--version")]
    [InlineData("manifest")]
    [InlineData("serve", "extra")]
    [InlineData("serve", "--parent-pid")]
    [InlineData("serve", "--parent-pid", "0")]
    [InlineData("serve", "--parent-pid", "-3")]
    [InlineData("serve", "--parent-pid", "x")]
    [InlineData("serve", "--parent-pid", "99999999999")]
    [InlineData("serve", "--parent-pid=5")]
    [InlineData("serve", "--parent-pid", "1", "--parent-pid", "2")]
    [InlineData("serve", "--max-frame-bytes", "0")]
    [InlineData("serve", "--shutdown-grace-ms", "soon")]
    [InlineData("serve", "--log-level", "loud")]
    [InlineData("serve", "--log-level", "Debug")]
    [InlineData("serve", "--log-level", "--parent-pid")]
    [InlineData("--parent-pid", "5", "serve")]
    [InlineData("serve", "@args.rsp")]
    public void Help_other_commands_other_spellings_and_bad_values_go_to_System_CommandLine(params string[] args) =>
        Assert.False(ServeArguments.TryParse(args, out _));

    [Fact]
    public void Without_options_the_settings_are_the_hosts_defaults()
    {
        Assert.True(ServeArguments.TryParse(["serve"], out var settings));

        var defaults = new ConnectorHostOptions();
        Assert.Null(settings.ParentPid);
        Assert.Null(settings.LogLevel);
        Assert.Equal(defaults.MaxFrameBytes, settings.MaxFrameBytes);
        Assert.Equal(defaults.MaxInflightBytes, settings.MaxInflightBytes);
        Assert.Equal(defaults.MaxConcurrentRequests, settings.MaxConcurrentRequests);
        Assert.Equal(defaults.ShutdownGracePeriod, TimeSpan.FromMilliseconds(settings.ShutdownGraceMs));
    }

    private static ParseResult Parse(string[] args)
    {
        using var input = new MemoryStream();
        using var output = new MemoryStream();
        var cli = new CliContext(new ConnectorHostStreams(input, output), TextWriter.Null, TextWriter.Null);
        return HostCli.CreateRoot(cli, args).Parse(args);
    }
}
