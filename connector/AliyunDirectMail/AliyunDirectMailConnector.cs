using System.Text.Json;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Aliyun Direct Mail for Logto: the official <c>@logto/connector-aliyun-dm</c> 1.6.1's <c>sendMessage</c>, request for request,
/// plus HTML-escaped payload values, single-recipient and header checks, a custom endpoint, a per-call timeout, plain-text
/// i18n templates sent as <c>TextBody</c>, and re-signed retries only where Aliyun certainly did not accept the mail
/// (throttling, a refused connection); a throttle that outlasts them is <c>rate_limit_exceeded</c>.
/// </summary>
public sealed class AliyunDirectMailConnector : IConnector
{
    private readonly ILogger logger;
    private readonly AliyunRpcClient client;
    private readonly ConfigCache<AliyunDirectMailConfig> configs = new(AliyunDirectMailConfigValidator.Parse);

    public AliyunDirectMailConnector(
        IHttpClientFactory httpClientFactory,
        ILogger<AliyunDirectMailConnector> logger,
        IOptions<AliyunRpcOptions>? options = null,
        TimeProvider? timeProvider = null,
        ISignatureNonceSource? nonceSource = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
        client = new AliyunRpcClient(httpClientFactory, logger, options, timeProvider, nonceSource);
    }

    public ConnectorDescriptor Descriptor => AliyunDirectMailMetadata.Source.Descriptor;

    public void ValidateConfig(JsonElement config) => AliyunDirectMailConfigValidator.Parse(config);

    public async Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var config = configs.GetOrParse(request.Config);
        var endpoint = DirectMailEndpoints.Resolve(config);
        RenderedMail mail;
        try
        {
            mail = MailComposer.Compose(request, config);
        }
        catch (ConnectorException exception)
        {
            logger.InputRefused(exception.Code);
            throw;
        }

        var call = new AliyunRpcCall(
            "Aliyun Direct Mail",
            "SingleSendMail",
            "mail",
            endpoint,
            config.AccessKeySecret,
            (nonce, timestamp) => SingleSendMailForm.Build(config, mail, nonce, timestamp),
            SingleSendMailResponseReader.Read);
        return await client.CallAsync(call, cancellationToken).ConfigureAwait(false);
    }
}
