using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSandbox;

namespace Host.Tests.Cli;

/// <summary>`logto-connector-host serve` with the real Aliyun Direct Mail connector, sending to an in-process sandbox.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_sends_through_the_real_connector_to_the_sandbox_and_exits_0_at_end_of_input()
    {
        await using var sandbox = await AliyunSandbox.StartAsync();
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);

        var initialized = await host.RequestAsync(Rpc.Initialize(1));
        var sent = await host.RequestAsync(Rpc.Request(2, "sendMessage", new JsonObject
        {
            ["connectorId"] = AliyunDirectMailMetadata.Id,
            ["to"] = "user@example.com",
            ["type"] = "Generic",
            ["payload"] = new JsonObject { ["code"] = "246810" },
            ["config"] = SandboxConfig(sandbox, AliyunSandboxOptions.DefaultAccessKeySecret),
        }));
        host.CloseInput();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(AliyunDirectMailMetadata.Id, initialized["result"]!["connectors"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(CliVersion(), initialized["result"]!["host"]!["version"]!.GetValue<string>());
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
        await using var sandbox = await AliyunSandbox.StartAsync();
        await using var host = HostProcess.Start(
            Artifacts.CliDll,
            ["serve", "--log-level", "trace", "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        await host.InitializeAsync();

        var rejected = await host.RequestAsync(SendCode(SandboxConfig(sandbox, Canary)));
        var invalid = await host.RequestAsync(Rpc.Request(2, "validateConfig", new JsonObject
        {
            ["connectorId"] = AliyunDirectMailMetadata.Id,
            ["config"] = new JsonObject { ["accessKeySecret"] = Canary },
        }));
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
        await using var host = HostProcess.Start(
            Artifacts.CliDll, [], start => start.Environment["LOGTO_CONNECTOR_HOST_LOG_LEVEL"] = level);

        await host.RequestAsync(Rpc.Initialize(1));
        await host.RequestAsync(Rpc.Request(2, "validateConfig", new JsonObject
        {
            ["connectorId"] = AliyunDirectMailMetadata.Id,
            ["config"] = new JsonObject(),
        }));
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
            Artifacts.CliDll,
            [],
            start => start.Environment["LOGTO_CONNECTOR_HOST_PARENT_PID"] = parent.Id.ToString(CultureInfo.InvariantCulture));
        await host.InitializeAsync();

        parent.Kill();
        var exitCode = await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_redirect_is_invalid_response_and_the_signed_request_is_never_sent_to_the_Location(int status)
    {
        await using var sandbox = await AliyunSandbox.StartAsync();
        using var redirecting = new HttpListener();
        var port = FreePort();
        redirecting.Prefixes.Add($"http://127.0.0.1:{port}/");
        redirecting.Start();
        var answered = Task.Run(async () =>
        {
            var context = await redirecting.GetContextAsync();
            context.Response.StatusCode = status;
            context.Response.RedirectLocation = sandbox.Endpoint.ToString();
            context.Response.Close();
        });
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve"]);
        await host.InitializeAsync();
        var config = SandboxConfig(sandbox, AliyunSandboxOptions.DefaultAccessKeySecret);
        config["endpoint"] = $"http://127.0.0.1:{port}/";

        var sent = await host.RequestAsync(SendCode(config));
        await answered;

        Assert.Equal("invalid_response", sent["error"]!["data"]!["code"]!.GetValue<string>());
        Assert.Contains(
            $"HTTP {status} with a redirect", sent["error"]!["data"]!["data"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Exchanges);
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("dns")]
    public async Task An_expected_failure_is_one_short_log_line_with_its_cause_and_no_stack_trace(string failure)
    {
        await using var sandbox = await AliyunSandbox.StartAsync();
        await using var host = HostProcess.Start(Artifacts.CliDll, ["serve", "--log-level", "information"]);
        await host.InitializeAsync();
        var config = SandboxConfig(sandbox, AliyunSandboxOptions.DefaultAccessKeySecret);
        config["endpoint"] = failure == "refused" ? $"http://127.0.0.1:{FreePort()}/" : "https://no-such-host.invalid/";

        var sent = await host.RequestAsync(SendCode(config));
        host.CloseInput();
        await host.WaitForExitAsync(HostProcess.DefaultTimeout);

        Assert.Equal("general", sent["error"]!["data"]!["code"]!.GetValue<string>());
        var lines = host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cause = failure == "refused" ? "Connection refused" : "Could not resolve the host";
        Assert.Contains(lines, line => line.Contains(cause, StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.True(line.Length < 400, $"{line.Length} characters: {line}");
            Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        }
    }

    /// <summary>A Direct Mail send of a code to user@example.com, as the bridge would ask for one.</summary>
    private static string SendCode(JsonNode config) => Rpc.Request(1, "sendMessage", new JsonObject
    {
        ["connectorId"] = AliyunDirectMailMetadata.Id,
        ["to"] = "user@example.com",
        ["type"] = "Generic",
        ["payload"] = new JsonObject { ["code"] = "1" },
        ["config"] = config,
    });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static JsonObject SandboxConfig(AliyunSandbox sandbox, string secret)
    {
        var config = CliCommandTests.ValidConfig();
        config["accessKeyId"] = AliyunSandboxOptions.DefaultAccessKeyId;
        config["accessKeySecret"] = secret;
        config["endpoint"] = sandbox.Endpoint.ToString();
        return config;
    }

    /// <summary>The CLI assembly's informational version (0.1.0+commit), which serve reports from a build-time constant.</summary>
    private static string CliVersion() =>
        typeof(Logto.ConnectorHost.Cli.HostCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
}
