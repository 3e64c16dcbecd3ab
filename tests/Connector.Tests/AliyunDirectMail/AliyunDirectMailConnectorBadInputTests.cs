using System.Text.Json.Nodes;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>
/// Bad input at the connector (issue 5, item 8), against the real sandbox: each is refused with its documented Logto error
/// before any request starts, so the sandbox sees nothing and nothing is retried.
/// </summary>
public class AliyunDirectMailConnectorBadInputTests
{
    [Theory]
    [InlineData("accessKeySecret", null)]
    [InlineData("accountName", null)]
    [InlineData("templates", null)]
    [InlineData("accessKeyId", "123")]
    [InlineData("accessKeySecret", "true")]
    [InlineData("templates", "\"SignIn\"")]
    [InlineData("templates", "[]")]
    [InlineData("escapeHtml", "\"yes\"")]
    [InlineData("regionId", "\"mars-1\"")]
    [InlineData("regionId", "null")]
    [InlineData("endpoint", "\"ftp://127.0.0.1/\"")]
    [InlineData("endpoint", "5080")]
    [InlineData("fromAlias", "1")]
    public async Task A_config_with_a_missing_or_mistyped_field_is_invalid_config_and_nothing_is_sent(string key, string? json)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var config = harness.Config();
        config.Remove(key);
        if (json is not null)
        {
            config[key] = JsonNode.Parse(json);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Connector.SendMessageAsync(TestConfigs.Call(config), CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        AssertNothingSent(harness);
    }

    [Theory]
    [InlineData("")]
    [InlineData("user@example.com\r\nBcc: victim@example.com")]
    [InlineData("user@@example.com")]
    [InlineData("user@localhost")]
    [InlineData("user@example.com ")]
    public async Task A_recipient_that_is_not_one_plain_address_is_invalid_request_parameters_and_nothing_is_sent(string to)
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Connector.SendMessageAsync(TestConfigs.Call(harness.Config(), to: to), CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        AssertNothingSent(harness);
    }

    [Theory]
    [InlineData("""{"code":"1\r\nBcc: victim@example.com"}""", "subject")]
    [InlineData("""{"code":"1\nX-Injected: 1"}""", "subject")]
    [InlineData("""{"code":"1","application":{"name":"A\r\nBcc: v@x.io"}}""", "sender alias (FromAlias)")]
    [InlineData("""{"code":"1","application":{"name":"A\rX"}}""", "sender alias (FromAlias)")]
    public async Task A_payload_value_that_puts_a_line_break_into_a_header_is_refused_and_nothing_is_sent(string payload, string header)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        // The config template renders the subject from {{code}}; the i18n template renders the alias from {{application.name}}.
        var i18n = header == "subject"
            ? null
            : new EmailTemplateDetails("Code {{code}}", "<p>{{code}}</p>", SendFrom: "{{application.name}}");
        var call = TestConfigs.Call(harness.Config(), payload: payload, template: i18n);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Connector.SendMessageAsync(call, CancellationToken.None));

        Assert.Equal(ConnectorErrorCode.InvalidRequestParameters, error.Code);
        Assert.StartsWith(
            $"The rendered {header} contains a control character",
            error.ErrorData!["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
        AssertNothingSent(harness);
    }

    private static void AssertNothingSent(ConnectorHarness harness)
    {
        Assert.Equal(0, harness.HttpAttempts);
        Assert.Empty(harness.Sandbox.Exchanges);
    }
}
