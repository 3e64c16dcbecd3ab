using System.Globalization;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.Aliyun;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Connector.Tests.AliyunDirectMail;

public class AliyunDirectMailConnectorTests
{
    [Fact]
    public void Descriptor_is_the_metadata_descriptor()
    {
        using var factory = new NoHttpClientFactory();
        var connector = new AliyunDirectMailConnector(factory, NullLogger<AliyunDirectMailConnector>.Instance);

        var expected = AliyunDirectMailMetadata.Source.Descriptor;
        var actual = connector.Descriptor;
        Assert.Equal((expected.Id, expected.Type), (actual.Id, actual.Type));
        Assert.Equal(expected.Metadata.ToJsonString(), actual.Metadata.ToJsonString());
        Assert.Equal(expected.ConfigSchema.ToJsonString(), actual.ConfigSchema.ToJsonString());
    }

    [Fact]
    public void ValidateConfig_throws_invalid_config_for_a_config_without_credentials()
    {
        using var factory = new NoHttpClientFactory();
        var connector = new AliyunDirectMailConnector(factory, NullLogger<AliyunDirectMailConnector>.Instance);

        var error = Assert.Throws<ConnectorException>(() => connector.ValidateConfig(TestConfigs.Element("""{"templates":[]}""")));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
    }

    [Fact]
    public async Task SendMessage_signs_with_the_injected_clock_and_nonce_and_the_sandbox_refuses_a_reused_nonce()
    {
        await using var sandbox = await AliyunSandbox.StartAsync();
        using var services = new HttpClientServices();
        var now = DateTimeOffset.UtcNow;
        var connector = new AliyunDirectMailConnector(
            services.Factory, NullLogger<AliyunDirectMailConnector>.Instance, Options.Create(new AliyunRpcOptions()),
            new FixedTimeProvider(now), new FixedNonce("11111111-2222-4333-8444-555555555555"));
        var config = TestConfigs.Json(
            AliyunSandboxOptions.DefaultAccessKeyId, AliyunSandboxOptions.DefaultAccessKeySecret, sandbox.Endpoint.ToString());

        await connector.SendMessageAsync(TestConfigs.Call(config), CancellationToken.None);
        var reused = await Assert.ThrowsAsync<ConnectorException>(
            () => connector.SendMessageAsync(TestConfigs.Call(config), CancellationToken.None));

        var message = Assert.Single(sandbox.Outbox);
        Assert.Equal("11111111-2222-4333-8444-555555555555", message.Parameters.Single(p => p.Key == "SignatureNonce").Value);
        Assert.Equal(
            now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            message.Parameters.Single(p => p.Key == "Timestamp").Value);
        Assert.Equal("SignatureNonceUsed", reused.ErrorData!["Code"]!.GetValue<string>());
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FixedNonce(string nonce) : ISignatureNonceSource
    {
        public string NextNonce() => nonce;
    }

    private sealed class NoHttpClientFactory : IHttpClientFactory, IDisposable
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP expected");

        public void Dispose()
        {
        }
    }

    private sealed class HttpClientServices : IDisposable
    {
        private readonly ServiceProvider provider = new ServiceCollection().AddHttpClient().BuildServiceProvider();

        public IHttpClientFactory Factory => provider.GetRequiredService<IHttpClientFactory>();

        public void Dispose() => provider.Dispose();
    }
}
