using System.Text.Json;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Aliyun Direct Mail for Logto: the official <c>@logto/connector-aliyun-dm</c> 1.6.1's <c>sendMessage</c>, request for request,
/// plus HTML-escaped payload values, single-recipient and header checks, a custom endpoint, a per-call timeout and plain-text
/// i18n templates sent as <c>TextBody</c>.
/// </summary>
public sealed class AliyunDirectMailConnector : IConnector
{
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly ISignatureNonceSource nonceSource;
    private readonly SingleSendMailClient client;

    public AliyunDirectMailConnector(
        IHttpClientFactory httpClientFactory,
        ILogger<AliyunDirectMailConnector> logger,
        IOptions<AliyunDirectMailOptions>? options = null,
        TimeProvider? timeProvider = null,
        ISignatureNonceSource? nonceSource = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.nonceSource = nonceSource ?? GuidSignatureNonceSource.Instance;
        client = new SingleSendMailClient(httpClientFactory, options?.Value ?? new AliyunDirectMailOptions(), this.timeProvider, logger);
    }

    public ConnectorDescriptor Descriptor => AliyunDirectMailMetadata.Descriptor;

    public void ValidateConfig(JsonElement config) => AliyunDirectMailConfigValidator.Parse(config);

    public async Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var config = AliyunDirectMailConfigValidator.Parse(request.Config);
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

        var nonce = nonceSource.NextNonce();
        var form = SingleSendMailForm.Build(config, mail, nonce, timeProvider.GetUtcNow());
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.Sending(DirectMailEndpoints.Display(endpoint), DirectMailEndpoints.RegionIdOf(config), nonce);
        }

        return await client.SendAsync(endpoint, form, cancellationToken).ConfigureAwait(false);
    }
}
