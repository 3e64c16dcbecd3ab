using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>
/// Byte-for-byte parity with Logto's official connector: both send the same call to the same sandbox, which verifies both
/// signatures; the received form parameters (names, order, values) and raw bodies must match except SignatureNonce,
/// Timestamp and Signature. Ours runs with escapeHtml:false and a custom endpoint (the sandbox); the official one gets the
/// same config minus those keys and reaches the sandbox through its regional host.
/// </summary>
public partial class OfficialConnectorParityTests
{
    private static readonly HashSet<string> PerRequest = ["SignatureNonce", "Timestamp", "Signature"];

    public static TheoryData<string> Scenarios => new(ParityScenario.All.Keys);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task SendMessage_sends_the_same_form_as_the_official_connector(string scenario)
    {
        var s = ParityScenario.All[scenario];
        await using var harness = await ConnectorHarness.StartAsync();

        var (official, theirs) = await SendOfficialAsync(harness, s);
        var ours = await SendOursAsync(harness, s);

        Assert.True(official.GetProperty("ok").GetBoolean(), official.ToString());
        Assert.Equal([ExpectedHost(s)], official.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        // Logto asks for the i18n template with (type, payload.locale); ours receives it with the call.
        Assert.Equal(
            $"[[\"{s.Type}\",{JsonSerializer.Serialize(s.Payload["locale"]?.GetValue<string>())}]]",
            official.GetProperty("i18nCalls").GetRawText());
        Assert.Equal(Comparable(theirs), Comparable(ours));
        Assert.Equal(Mask(theirs.RawBody), Mask(ours.RawBody));
        Assert.Equal(Names(official.GetProperty("result")), Names(ours.Result));
        foreach (var message in new[] { theirs, ours.Message })
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Value(message, "SignatureNonce"));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Value(message, "Timestamp"));
        }
    }

    [Fact]
    public async Task SendMessage_differs_from_the_official_connector_only_by_TextBody_for_a_text_plain_template()
    {
        var s = ParityScenario.All["i18n-html"] with
        {
            I18n = new JsonObject { ["subject"] = "S {{code}}", ["content"] = "T {{user.name}}", ["contentType"] = "text/plain" },
        };
        await using var harness = await ConnectorHarness.StartAsync();

        var (_, theirs) = await SendOfficialAsync(harness, s);
        var ours = await SendOursAsync(harness, s);

        Assert.Equal(Comparable(theirs).Select(p => p.Replace("HtmlBody=", "TextBody=", StringComparison.Ordinal)), Comparable(ours));
        Assert.Equal(theirs.HtmlBody, ours.Message.TextBody);
    }

    [Fact]
    public async Task Errors_match_the_official_connectors_codes_and_data_shapes()
    {
        var s = ParityScenario.All["test-route"];
        await using var harness = await ConnectorHarness.StartAsync();
        var faults = new[]
        {
            SandboxFaultKind.Throttling, SandboxFaultKind.InternalError, SandboxFaultKind.ServiceUnavailable,
            SandboxFaultKind.MalformedSuccess,
        };
        foreach (var fault in faults)
        {
            harness.Sandbox.SetFault(new SandboxFault(fault, Count: 1));
            var official = await OfficialConnector.SendAsync(harness.Sandbox.Endpoint, OfficialConfig(s), Data(s), s.I18n);
            // Ours retries throttling, so it is held until it outlasts the attempts.
            harness.Sandbox.SetFault(new SandboxFault(fault, Count: fault == SandboxFaultKind.Throttling ? int.MaxValue : 1));
            var ours = await Assert.ThrowsAsync<ConnectorException>(
                () => harness.Connector.SendMessageAsync(OurCall(harness, s), CancellationToken.None));
            harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.None));

            var theirs = official.GetProperty("error");
            // The one intended deviation: a persistent throttle is rate_limit_exceeded where the official connector says general.
            var expected = fault == SandboxFaultKind.Throttling
                ? ("general", "rate_limit_exceeded")
                : (ours.Code.ToWire(), ours.Code.ToWire());
            Assert.Equal(expected, (theirs.GetProperty("code").GetString(), ours.Code.ToWire()));
            // invalid_response data deviates on purpose: a sentence about the answer, never the body the official connector quotes.
            if (ours.Code is ConnectorErrorCode.General or ConnectorErrorCode.RateLimitExceeded)
            {
                var theirData = JsonNode.Parse(theirs.GetProperty("data").GetRawText())!.AsObject();
                Assert.Equal(theirData.Select(p => p.Key), ours.ErrorData!.AsObject().Select(p => p.Key));
                Assert.Equal(theirData["errorDescription"]?.ToJsonString() ?? theirData["message"]!.ToJsonString(),
                    ours.ErrorData["errorDescription"]?.ToJsonString() ?? ours.ErrorData["message"]!.ToJsonString());
            }
        }
    }

    private static async Task<(JsonElement Official, SandboxMessage Message)> SendOfficialAsync(ConnectorHarness harness, ParityScenario s)
    {
        var official = await OfficialConnector.SendAsync(harness.Sandbox.Endpoint, OfficialConfig(s), Data(s), s.I18n);
        Assert.True(official.GetProperty("ok").GetBoolean(), official.ToString());
        return (official, Assert.Single(Drain(harness.Sandbox)));
    }

    private static async Task<(SandboxMessage Message, JsonElement Result, string RawBody)> SendOursAsync(
        ConnectorHarness harness, ParityScenario s)
    {
        var result = await harness.Connector.SendMessageAsync(OurCall(harness, s), CancellationToken.None);
        var message = Assert.Single(Drain(harness.Sandbox));
        return (message, result, message.RawBody);
    }

    private static List<SandboxMessage> Drain(AliyunSandbox sandbox)
    {
        var messages = sandbox.Outbox.ToList();
        sandbox.ClearOutbox();
        return messages;
    }

    // The official connector gets the same config minus our own keys (endpoint, escapeHtml).
    private static JsonObject OfficialConfig(ParityScenario s) => s.Config(ConnectorHarness.AccessKeyId, ConnectorHarness.Secret);

    private static SendMessageCall OurCall(ConnectorHarness harness, ParityScenario s)
    {
        var config = s.Config(ConnectorHarness.AccessKeyId, ConnectorHarness.Secret);
        config["endpoint"] = harness.Sandbox.Endpoint.ToString();
        config["escapeHtml"] = false;
        var template = s.I18n?.Deserialize<EmailTemplateDetails>();
        return new SendMessageCall(
            new SendMessageData("user@example.com", s.Type, TestConfigs.Element(s.Payload)), TestConfigs.Element(config), template);
    }

    private static JsonObject Data(ParityScenario s) => new()
    {
        ["to"] = "user@example.com",
        ["type"] = s.Type.ToString(),
        ["payload"] = s.Payload.DeepClone(),
        ["ip"] = "127.0.0.1",
    };

    private static string ExpectedHost(ParityScenario s) =>
        DirectMailEndpoints.Resolve(TestConfigs.Record([]) with { RegionId = s.RegionId }).Host;

    private static List<string> Comparable(SandboxMessage message) =>
        message.Parameters.Select(p => PerRequest.Contains(p.Key) ? $"{p.Key}=*" : $"{p.Key}={p.Value}").ToList();

    private static List<string> Comparable((SandboxMessage Message, JsonElement Result, string RawBody) ours) => Comparable(ours.Message);

    private static string Mask(string rawBody) => PerRequestValue().Replace(rawBody, "${name}=*");

    private static string Value(SandboxMessage message, string name) => message.Parameters.Single(p => p.Key == name).Value;

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [GeneratedRegex("(?<name>(?<=^|&)(SignatureNonce|Timestamp|Signature))=[^&]*")]
    private static partial Regex PerRequestValue();
}
