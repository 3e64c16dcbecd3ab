using System.Net;
using Connector.Tests.Sandbox.Support;
using Logto.Connector.Aliyun;
using Logto.Connector.AliyunSandbox;

namespace Connector.Tests.Sandbox.Rpc;

/// <summary>The gateway checks, over real HTTP, each proven by a request that differs from an accepted one in one respect.</summary>
public sealed class RequestAuthenticatorTests : IAsyncLifetime
{
    private static readonly HttpClient Client = new();
    private AliyunSandbox sandbox = null!;

    public async Task InitializeAsync() => sandbox = await AliyunSandbox.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_wrong_signature_gets_aliyuns_signature_does_not_match_json()
    {
        var tampered = SignedRequest.Sign(SignedRequest.Business()).With("Subject", "Changed after signing");

        using var response = await Client.PostAsync(sandbox.Endpoint, tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["RequestId", "HostId", "Code", "Message", "Recommend"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SignatureDoesNotMatch", body.Text("Code"));
        Assert.Equal("Specified signature is not matched with our calculation.", body.Text("Message"));
        Assert.Matches("^[0-9A-F-]{36}$", body.Text("RequestId"));
        Assert.Contains("SignatureDoesNotMatch", body.Text("Recommend"), StringComparison.Ordinal);
        Assert.Equal(sandbox.Endpoint.Authority, body.Text("HostId"));
        AssertNothingSent("rejected:SignatureDoesNotMatch", 400);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_does_not_match()
    {
        using var response = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), secret: "not-the-secret"));

        Assert.Equal("SignatureDoesNotMatch", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Fact]
    public async Task A_signature_computed_for_get_does_not_match_a_post()
    {
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), method: "GET"));

        Assert.Equal("SignatureDoesNotMatch", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Fact]
    public async Task A_reused_nonce_is_rejected_even_with_a_fresh_timestamp_and_signature()
    {
        var nonce = Guid.NewGuid().ToString();
        using var first = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), nonce: nonce));

        using var replay = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), nonce: nonce, timestamp: DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        var body = await replay.ReadJsonAsync();
        Assert.Equal("SignatureNonceUsed", body.Text("Code"));
        Assert.Single(sandbox.Outbox);
    }

    [Fact]
    public async Task A_badly_signed_request_does_not_spend_its_nonce()
    {
        var nonce = Guid.NewGuid().ToString();
        using var forged = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), nonce: nonce, secret: "forged"));

        using var genuine = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), nonce: nonce));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task A_timestamp_more_than_15_minutes_off_is_expired(int minutes)
    {
        var stale = SignedRequest.Sign(SignedRequest.Business(), timestamp: DateTimeOffset.UtcNow.AddMinutes(minutes));

        using var response = await Client.PostAsync(sandbox.Endpoint, stale);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidTimeStamp.Expired", (await response.ReadJsonAsync()).Text("Code"));
        AssertNothingSent("rejected:InvalidTimeStamp.Expired", 400);
    }

    [Fact]
    public async Task The_sandbox_clock_decides_what_is_stale()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddHours(-1));
        await using var sandbox = await AliyunSandbox.StartAsync(new AliyunSandboxOptions { TimeProvider = clock });

        using var now = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business()));
        using var anHourAgo = await Client.PostAsync(
            sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), timestamp: clock.Now.AddMinutes(14)));

        Assert.Equal("InvalidTimeStamp.Expired", (await now.ReadJsonAsync()).Text("Code"));
        Assert.Equal(HttpStatusCode.OK, anHourAgo.StatusCode);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00.000Z")]
    [InlineData("2024-01-01 00:00:00")]
    [InlineData("2024-01-01T00:00:00+08:00")]
    [InlineData("yesterday")]
    public async Task A_timestamp_not_in_yyyy_mm_dd_t_hh_mm_ss_z_is_badly_formatted(string timestamp)
    {
        var parameters = SignedRequest.Sign(SignedRequest.Business()).With("Timestamp", timestamp);
        parameters = parameters.With("Signature", RpcSignature.Sign("POST", parameters, SignedRequest.Secret));

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidTimeStamp.Format", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Fact]
    public async Task An_unknown_access_key_id_is_not_found()
    {
        using var response = await Client.PostAsync(sandbox.Endpoint, SignedRequest.Sign(SignedRequest.Business(), accessKeyId: "nobody"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("InvalidAccessKeyId.NotFound", (await response.ReadJsonAsync()).Text("Code"));
        AssertNothingSent("rejected:InvalidAccessKeyId.NotFound", 404);
    }

    [Theory]
    [InlineData("Action", "BatchSendMail")]
    [InlineData("Version", "2017-06-22")]
    public async Task Anything_but_single_send_mail_2015_11_23_is_an_unknown_api(string name, string value)
    {
        var parameters = SignedRequest.Sign(SignedRequest.Business()).With(name, value);
        parameters = parameters.With("Signature", RpcSignature.Sign("POST", parameters, SignedRequest.Secret));

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("InvalidAction.NotFound", (await response.ReadJsonAsync()).Text("Code"));
    }

    [Theory]
    [InlineData("SignatureMethod", "HMAC-SHA256", "InvalidSignatureMethod")]
    [InlineData("SignatureVersion", "2.0", "IncompleteSignature")]
    public async Task Only_the_hmac_sha1_version_1_signature_is_served(string name, string value, string code)
    {
        var parameters = SignedRequest.Sign(SignedRequest.Business()).With(name, value);
        parameters = parameters.With("Signature", RpcSignature.Sign("POST", parameters, SignedRequest.Secret));

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.ReadJsonAsync()).Text("Code"));
    }

    [Theory]
    [InlineData("Signature")]
    [InlineData("SignatureNonce")]
    [InlineData("Timestamp")]
    [InlineData("AccessKeyId")]
    public async Task A_missing_common_parameter_is_named_in_the_code(string name)
    {
        var parameters = SignedRequest.Sign(SignedRequest.Business()).Where(p => p.Key != name);

        using var response = await Client.PostAsync(sandbox.Endpoint, parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing" + name, (await response.ReadJsonAsync()).Text("Code"));

        // Escaped as Aliyun writes it (a backslash before the quote), not as \u0022.
        Assert.Contains(
            $"The input parameter \\\"{name}\\\" that is mandatory", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private void AssertNothingSent(string outcome, int status)
    {
        Assert.Empty(sandbox.Outbox);
        var exchange = Assert.Single(sandbox.Exchanges);
        Assert.Equal((outcome, status), (exchange.Outcome, exchange.Status));
    }
}
