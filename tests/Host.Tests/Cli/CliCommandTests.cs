using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSandbox;
using Logto.Connector.AliyunSms;
using Logto.ConnectorKit;

namespace Host.Tests.Cli;

/// <summary>The CLI's human face, run as a real process: help, version, errors, schema, manifest, validate-config, send.</summary>
public sealed class CliCommandTests : IDisposable
{
    private static readonly string[] RequiredUsageTypes = ["SignIn", "Register", "ForgotPassword", "Generic"];

    private readonly string directory = Directory.CreateTempSubdirectory("host-cli-tests-").FullName;

    [Fact]
    public async Task Help_describes_every_command_and_exits_0()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        string[] commands = ["serve", "manifest", "schema", "validate-config", "send", "stack-trace", "--parent-pid", "--log-level"];
        foreach (var command in commands)
        {
            Assert.Contains(command, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var run = await CliRun.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("serve", "--max-frame-bytes", "0")]
    [InlineData("serve", "--shutdown-grace-ms", "soon")]
    [InlineData("send", "--to", "a@b.c")]
    [InlineData("send", "--to", "a@b.c", "--type", "Test", "--config", "c.json")]
    [InlineData("sandbox")]
    [InlineData("--log-level", "loud", "schema")]
    [InlineData("validate-config")]
    public async Task Bad_arguments_exit_2_with_an_error_on_stderr_and_nothing_on_stdout(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Schema_prints_the_committed_config_schema()
    {
        var run = await CliRun.RunAsync("schema", "--connector", AliyunDirectMailMetadata.Id);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            JsonNode.Parse(File.ReadAllText(Artifacts.RepoFile("schema/aliyun-direct-mail.config.schema.json"))),
            JsonNode.Parse(run.Stdout),
            JsonNode.DeepEquals);
    }

    /// <summary>The committed manifests are what `manifest` prints: this is what keeps each package's file up to date.</summary>
    [Theory]
    [InlineData(AliyunDirectMailMetadata.Id, "logto-connector.manifest.json")]
    [InlineData(AliyunSmsMetadata.Id, "connector/AliyunSms/package/logto-connector.manifest.json")]
    public async Task Manifest_prints_each_packages_committed_manifest(string connectorId, string manifestPath)
    {
        var run = await CliRun.RunAsync("manifest", "--connector", connectorId);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Artifacts.RepoFile(manifestPath)), run.Stdout);
    }

    [Fact]
    public async Task A_command_needs_a_connector_when_the_host_serves_several()
    {
        var run = await CliRun.RunAsync("schema");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(AliyunSmsMetadata.Id, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_connector_id_exits_2_naming_the_served_ones()
    {
        var run = await CliRun.RunAsync("schema", "--connector", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(AliyunDirectMailMetadata.Id, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateConfig_accepts_a_valid_file_with_exit_0()
    {
        var path = Write("valid.json", ValidConfig().ToJsonString());

        var run = await CliRun.RunAsync("validate-config", path, "--connector", AliyunDirectMailMetadata.Id);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"valid: {path}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateConfig_lists_the_failing_paths_with_exit_1_and_never_the_secret()
    {
        var config = ValidConfig();
        config["accessKeySecret"] = "canary-secret-in-a-bad-config";
        config.Remove("accountName");
        config["templates"]![0]!.AsObject().Remove("subject");
        var path = Write("invalid.json", config.ToJsonString());

        var run = await CliRun.RunAsync("validate-config", path, "--connector", AliyunDirectMailMetadata.Id);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"invalid: {path}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid_config", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - accountName: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - templates.0.subject: ", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-secret", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null)]
    [InlineData("broken.json", "{\"accessKeySecret\": \"canary-in-broken-json\",")]
    public async Task ValidateConfig_of_a_missing_or_non_json_file_exits_2(string name, string? content)
    {
        var path = content is null ? Path.Combine(directory, name) : Write(name, content);

        var run = await CliRun.RunAsync("validate-config", path, "--connector", AliyunDirectMailMetadata.Id);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_with_a_config_file_sends_through_the_connector_and_prints_the_result()
    {
        await using var sandbox = await AliyunSandbox.StartAsync();
        var config = ValidConfig();
        config["accessKeyId"] = AliyunSandboxOptions.DefaultAccessKeyId;
        config["accessKeySecret"] = AliyunSandboxOptions.DefaultAccessKeySecret;
        config["endpoint"] = sandbox.Endpoint.ToString();
        config["templates"]![3]!["subject"] = "Custom subject {{code}}";
        var path = Write("send.json", config.ToJsonString());

        var run = await CliRun.RunAsync(
            "send", "--to", "x@example.com", "--type", "Generic", "--config", path, "--connector", AliyunDirectMailMetadata.Id);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sent: Generic message to x@example.com", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"EnvId\"", run.Stdout, StringComparison.Ordinal);
        var message = Assert.Single(sandbox.Outbox);
        Assert.Equal("Custom subject 000000", message.Subject);
        Assert.Equal("Sender", message.FromAlias);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    internal static JsonObject ValidConfig() => new()
    {
        ["accessKeyId"] = "id",
        ["accessKeySecret"] = "secret",
        ["accountName"] = "sender@example.com",
        ["fromAlias"] = "Sender",
        ["templates"] = new JsonArray([.. RequiredUsageTypes.Select(usageType => (JsonNode)new JsonObject
        {
            ["usageType"] = usageType,
            ["subject"] = $"{usageType} {{{{code}}}}",
            ["content"] = "<p>{{code}}</p>",
        })]),
    };

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
