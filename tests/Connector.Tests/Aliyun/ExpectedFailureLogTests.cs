using Connector.Tests.AliyunDirectMail;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Aliyun;

/// <summary>
/// An expected failure — a refused connection, an unresolvable host, a timeout, an Aliyun error, an unreadable answer — is
/// logged as lines an operator can read: its cause in words, no exception and no stack frames, a few hundred characters.
/// </summary>
public sealed class ExpectedFailureLogTests
{
    public static TheoryData<string> Failures => ["refused", "dns", "timeout", "aliyun error", "unreadable"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task An_expected_failure_is_logged_in_short_lines_without_a_stack_trace(string failure)
    {
        await using var harness = await ConnectorHarness.StartAsync(timeout: TimeSpan.FromSeconds(1), configure: o => o.MaxAttempts = 1);
        var endpoint = failure switch
        {
            "refused" => $"http://127.0.0.1:{AliyunDirectMailConnectorErrorMappingTests.ClosedPort()}/",
            "dns" => "https://no-such-host.invalid/",
            _ => null,
        };
        if (failure == "timeout")
        {
            harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.Delay, Delay: TimeSpan.FromSeconds(30)));
        }
        else if (failure == "aliyun error")
        {
            harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.InternalError));
        }
        else if (failure == "unreadable")
        {
            harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.ServiceUnavailable));
        }

        await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(harness, harness.Config(endpoint: endpoint));

        var lines = harness.Logs.Lines
            .Where(line => !line.StartsWith("Trace", StringComparison.Ordinal) && !line.StartsWith("Debug", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.True(line.Length < 400, $"{line.Length} characters: {line}");
            Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        }
    }
}
