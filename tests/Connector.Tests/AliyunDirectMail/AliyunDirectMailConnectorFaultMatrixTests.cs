using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>
/// The fault matrix (issue 5, item 5) against the real sandbox over HTTP: each fault, held for every request so that any
/// extra attempt would show, maps to its documented Logto error, and is tried again only when Aliyun certainly did not
/// accept the mail (throttling, a refused connection). Everything else is tried exactly once.
/// </summary>
public class AliyunDirectMailConnectorFaultMatrixTests
{
    private const int MaxAttempts = 3;

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["throttling"] = new(SandboxFaultKind.Throttling, ConnectorErrorCode.RateLimitExceeded, MaxAttempts, "fault:Throttling",
            AliyunCode: "Throttling.User", AliyunMessage: "Request was denied due to user flow control."),
        ["500 InternalError"] = new(SandboxFaultKind.InternalError, ConnectorErrorCode.General, 1, "fault:InternalError",
            AliyunCode: "InternalError",
            AliyunMessage: "The request processing has failed due to some unknown error, exception or failure."),
        ["503 text page"] = new(SandboxFaultKind.ServiceUnavailable, ConnectorErrorCode.InvalidResponse, 1, "fault:ServiceUnavailable",
            Data: """{"message":"Aliyun Direct Mail answered HTTP 503 with a body that is not JSON."}"""),
        ["malformed success"] = new(SandboxFaultKind.MalformedSuccess, ConnectorErrorCode.InvalidResponse, 1, "fault:MalformedSuccess",
            Data: """{"message":"Aliyun Direct Mail answered HTTP 200 with JSON without the string members EnvId and RequestId."}"""),
        ["reset mid-response"] = new(SandboxFaultKind.ResetMidResponse, ConnectorErrorCode.General, 1, "fault:ResetMidResponse",
            Description: "^(The request to {endpoint} failed: Connection reset by peer" +
                "|{endpoint} closed the connection before a complete answer arrived); the mail may or may not have been sent\\.$"),
        ["slow response"] = new(SandboxFaultKind.Delay, ConnectorErrorCode.General, 1, "dropped",
            Description: "^Aliyun Direct Mail did not answer within 1 s \\({endpoint}\\); the mail may or may not have been sent\\.$"),
        ["connection refused"] = new(null, ConnectorErrorCode.General, MaxAttempts, null,
            Description: "^Could not connect to {endpoint}: Connection refused \\(after 3 attempts\\)$"),
    };

    public static TheoryData<string> Faults => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_maps_to_its_documented_error_after_only_the_attempts_that_are_safe(string fault)
    {
        var row = Rows[fault];
        await using var harness = await ConnectorHarness.StartAsync(
            timeout: TimeSpan.FromSeconds(1), configure: o => o.MaxAttempts = MaxAttempts);
        var endpoint = row.Kind is not null
            ? harness.Sandbox.Endpoint.ToString()
            : $"http://127.0.0.1:{AliyunDirectMailConnectorErrorMappingTests.ClosedPort()}/";
        if (row.Kind is { } held)
        {
            harness.Sandbox.SetFault(new SandboxFault(held, Delay: held == SandboxFaultKind.Delay ? TimeSpan.FromSeconds(30) : default));
        }

        var error = await AliyunDirectMailConnectorErrorMappingTests.SendExpectingErrorAsync(harness, harness.Config(endpoint: endpoint));

        Assert.Equal(row.Code, error.Code);
        Assert.Equal(row.Attempts, harness.HttpAttempts);
        var exchanges = row.Exchange is null ? [] : await harness.WaitForExchangesAsync(row.Attempts);
        Assert.Equal(Enumerable.Repeat(row.Exchange, row.Exchange is null ? 0 : row.Attempts), exchanges.Select(e => e.Outcome));
        Assert.Empty(harness.Sandbox.Outbox);
        if (row.AliyunCode is not null)
        {
            // The official connector's data: {errorDescription: Message, Code, RequestId, HostId, Recommend}.
            Assert.Equal(["errorDescription", "Code", "RequestId", "HostId", "Recommend"], error.ErrorData!.AsObject().Select(p => p.Key));
            Assert.Equal(row.AliyunCode, error.ErrorData["Code"]!.GetValue<string>());
            Assert.Equal(row.AliyunMessage, error.ErrorData["errorDescription"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(error.ErrorData["RequestId"]!.GetValue<string>()));
        }

        if (row.Data is not null)
        {
            Assert.Equal(row.Data, error.ErrorData!.ToJsonString());
        }

        if (row.Description is not null)
        {
            Assert.Equal(["errorDescription"], error.ErrorData!.AsObject().Select(p => p.Key));
            Assert.Matches(
                row.Description.Replace("{endpoint}", Regex.Escape(endpoint), StringComparison.Ordinal),
                error.ErrorData["errorDescription"]!.GetValue<string>());
        }
    }

    /// <param name="Kind">The sandbox fault, held for every request; null: the endpoint is a port nothing listens on.</param>
    /// <param name="Attempts">HTTP requests the connector may start for one sendMessage.</param>
    /// <param name="Exchange">What the sandbox records for each of them (null: nothing reaches it).</param>
    /// <param name="Description">
    /// A pattern for the whole errorDescription of a transport failure ({endpoint} stands for the endpoint).
    /// </param>
    private sealed record Row(
        SandboxFaultKind? Kind, ConnectorErrorCode Code, int Attempts, string? Exchange,
        string? AliyunCode = null, string? AliyunMessage = null, string? Data = null,
        [StringSyntax(StringSyntaxAttribute.Regex)] string? Description = null);
}
