using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>A canary secret must not appear in any exception (message, data, ToString with inner exceptions) or log line.</summary>
public class SecretHygieneTests
{
    [Fact]
    public async Task The_secret_never_appears_in_exceptions_or_logs_on_any_failure_path()
    {
        await using var harness = await ConnectorHarness.StartAsync(timeout: TimeSpan.FromMilliseconds(300));
        var texts = new List<string>();
        var faults = new[]
        {
            SandboxFaultKind.Throttling, SandboxFaultKind.ServiceUnavailable, SandboxFaultKind.MalformedSuccess,
            SandboxFaultKind.InternalError, SandboxFaultKind.ResetMidResponse, SandboxFaultKind.Delay,
        };
        foreach (var fault in faults)
        {
            // Throttling is retried, so it is held until it outlasts the attempts.
            var count = fault == SandboxFaultKind.Throttling ? int.MaxValue : 1;
            harness.Sandbox.SetFault(new SandboxFault(fault, Count: count, Delay: TimeSpan.FromSeconds(5)));
            texts.Add(Describe(await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(harness)));
        }

        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.None));

        var badInputs = new[]
        {
            TestConfigs.Call(harness.Config(), to: "a@example.com,b@example.com"),
            TestConfigs.Call(harness.Config(), payload: """{"code":"1\n2"}"""),
            TestConfigs.Call(harness.Config(endpoint: $"http://127.0.0.1:{AliyunDirectMailConnectorErrorMappingTests.ClosedPort()}/")),
            TestConfigs.Call(harness.Config(secret: ConnectorHarness.Secret + "-wrong")),
        };
        foreach (var call in badInputs)
        {
            var error = await Assert.ThrowsAsync<ConnectorException>(
                () => harness.Connector.SendMessageAsync(call, CancellationToken.None));
            texts.Add(Describe(error));
        }

        await harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), CancellationToken.None);

        Assert.Equal(10, texts.Count);
        Assert.NotEmpty(harness.Logs.Lines);
        Assert.All(
            texts.Concat(harness.Logs.Lines), text => Assert.DoesNotContain(ConnectorHarness.Secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secret_never_appears_when_cancelled()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Delay, Count: 1, Delay: TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config()), cancellation.Token));

        Assert.DoesNotContain(ConnectorHarness.Secret, error.ToString(), StringComparison.Ordinal);
    }

    private static string Describe(ConnectorException error) =>
        $"{error.Message}\n{error.ErrorData?.ToJsonString()}\n{error}";
}
