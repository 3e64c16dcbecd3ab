using System.Globalization;
using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunDirectMail.Sandbox;

namespace Host.Tests.Cli;

/// <summary>`logto-connector-host serve` with the real Aliyun Direct Mail connector, sending to an in-process sandbox.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_sends_through_the_real_connector_to_the_sandbox_and_exits_0_at_end_of_input()
    {
        await using var sandbox = await DirectMailSandbox.StartAsync();
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);

        var initialized = await host.RequestAsync(Rpc.Initialize(1));
        var sent = await host.RequestAsync(Rpc.Request(2, "sendMessage", new JsonObject
        {
            ["to"] = "user@example.com",
            ["type"] = "Generic",
            ["payload"] = new JsonObject { ["code"] = "246810" },
            ["config"] = SandboxConfig(sandbox, DirectMailSandboxOptions.DefaultAccessKeySecret),
        }));
        host.CloseInput();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(AliyunDirectMailMetadata.Id, initialized["result"]!["connectors"]![0]!["id"]!.GetValue<string>());
        var message = Assert.Single(sandbox.Outbox);
        Assert.Equal(message.EnvId, sent["result"]!["EnvId"]!.GetValue<string>());
        Assert.Equal("user@example.com", message.ToAddress);
        Assert.Contains("246810", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task A_rejected_send_is_a_connector_error_and_the_secret_never_leaves_the_host()
    {
        const string Canary = "canary-wrong-secret-5772156";
        await using var sandbox = await DirectMailSandbox.StartAsync();
        await using var host = HostProcess.Start(
            Artifacts.CliDll,
            ["serve", "--log-level", "trace", "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await host.InitializeAsync();

        var rejected = await host.RequestAsync(Rpc.Request(1, "sendMessage", new JsonObject
        {
            ["to"] = "user@example.com",
            ["type"] = "Generic",
            ["payload"] = new JsonObject { ["code"] = "1" },
            ["config"] = SandboxConfig(sandbox, Canary),
        }));
        var invalid = await host.RequestAsync(Rpc.Request(2, "validateConfig", new JsonObject { ["config"] = new JsonObject { ["accessKeySecret"] = Canary } }));
        host.CloseInput();
        await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(-32000, Rpc.ErrorCode(rejected));
        Assert.Equal("general", rejected["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Equal("invalid_config", invalid["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Empty(sandbox.Outbox);
        foreach (var output in new[] { rejected.ToJsonString(), invalid.ToJsonString(), host.Stderr })
        {
            Assert.DoesNotContain(Canary, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("debug", true)]
    [InlineData("warning", false)]
    public async Task Serve_takes_its_log_level_from_the_environment_and_logs_to_stderr_only(string level, bool debugLines)
    {
        await using var host = HostProcess.Start(Artifacts.CliDll, [], start => start.Environment["LOGTO_CONNECTOR_HOST_LOG_LEVEL"] = level);

        await host.RequestAsync(Rpc.Initialize(1));
        await host.RequestAsync(Rpc.Request(2, "validateConfig", new JsonObject { ["config"] = new JsonObject() }));
        host.CloseInput();
        var rest = await host.ReadToEndAsync();
        await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Empty(rest);
        Assert.Equal(debugLines, host.Stderr.Contains("validateConfig 2 answered -32000", StringComparison.Ordinal));
        Assert.Equal(debugLines, host.Stderr.Contains("info: Logto.ConnectorHost", StringComparison.Ordinal));
        Assert.DoesNotContain("Microsoft.Hosting.Lifetime", host.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_exits_when_the_parent_pid_from_the_environment_exits()
    {
        using var parent = System.Diagnostics.Process.Start("sleep", "60");
        await using var host = HostProcess.Start(
            Artifacts.CliDll, [], start => start.Environment["LOGTO_CONNECTOR_HOST_PARENT_PID"] = parent.Id.ToString(CultureInfo.InvariantCulture));
        await host.InitializeAsync();

        parent.Kill();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(0, exitCode);
    }

    private static JsonObject SandboxConfig(DirectMailSandbox sandbox, string secret)
    {
        var config = CliCommandTests.ValidConfig();
        config["accessKeyId"] = DirectMailSandboxOptions.DefaultAccessKeyId;
        config["accessKeySecret"] = secret;
        config["endpoint"] = sandbox.Endpoint.ToString();
        return config;
    }
}
