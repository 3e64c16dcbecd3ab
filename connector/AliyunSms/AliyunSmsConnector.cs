using System.Text.Json;
using Logto.Connector.Aliyun;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logto.Connector.AliyunSms;

/// <summary>
/// Aliyun SMS for Logto: the official <c>@logto/connector-aliyun-sms</c> 1.5.5's <c>sendMessage</c>, request for request
/// (template choice, china/overseas template codes, <c>TemplateParam</c> byte for byte as <c>JSON.stringify</c> writes it),
/// plus a custom endpoint, a per-call timeout, one number per call, bounded input, clear network errors and re-signed retries
/// only where Aliyun certainly did not accept the message (gateway throttling, a refused connection).
/// </summary>
public sealed class AliyunSmsConnector : IConnector
{
    private static readonly Uri PublicEndpoint = new("https://dysmsapi.aliyuncs.com/");

    private readonly ILogger logger;
    private readonly AliyunRpcClient client;
    private readonly ConfigCache<AliyunSmsConfig> configs = new(AliyunSmsConfigValidator.Parse);

    public AliyunSmsConnector(
        IHttpClientFactory httpClientFactory,
        ILogger<AliyunSmsConnector> logger,
        IOptions<AliyunRpcOptions>? options = null,
        TimeProvider? timeProvider = null,
        ISignatureNonceSource? nonceSource = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
        client = new AliyunRpcClient(httpClientFactory, logger, options, timeProvider, nonceSource);
    }

    public ConnectorDescriptor Descriptor => AliyunSmsMetadata.Source.Descriptor;

    public void ValidateConfig(JsonElement config) => AliyunSmsConfigValidator.Parse(config);

    public async Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var config = configs.GetOrParse(request.Config);
        var endpoint = AliyunEndpoint.Resolve(config.Endpoint, PublicEndpoint);
        var data = request.Data;
        string templateCode;
        string templateParam;
        try
        {
            var template = SmsTemplate.Select(data.Type, config);
            SmsInputGuard.EnsureSingleRecipient(data.To);
            SmsInputGuard.EnsurePayloadObject(data.Payload);
            templateCode = SmsTemplate.Code(template, data.To, config.StrictPhoneRegionNumberCheck ?? false);
            // `const { locale, ...filteredPayload } = payload; JSON.stringify(filteredPayload)`
            templateParam = JsJson.Stringify(data.Payload, "locale");
            SmsInputGuard.EnsureTemplateParamLength(templateParam);
        }
        catch (ConnectorException exception)
        {
            logger.InputRefused(exception.Code);
            throw;
        }

        var call = new AliyunRpcCall(
            "Aliyun SMS",
            "SendSms",
            "SMS",
            endpoint,
            config.AccessKeySecret,
            (nonce, timestamp) => SendSmsForm.Build(config, data.To, templateCode, templateParam, nonce, timestamp),
            SendSmsResponseReader.Read);
        return await client.CallAsync(call, cancellationToken).ConfigureAwait(false);
    }
}
