namespace Logto.Connector.AliyunDirectMail;

/// <summary>Host-level settings of the connector (not per tenant), bound with <c>IOptions</c>.</summary>
public sealed class AliyunDirectMailOptions
{
    /// <summary>The named <c>HttpClient</c> the connector asks <c>IHttpClientFactory</c> for.</summary>
    public const string HttpClientName = "Logto.Connector.AliyunDirectMail";

    /// <summary>How long one SingleSendMail call (connect, send, read the answer) may take. The official connector sets none.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Answers larger than this are refused; Aliyun's are a few hundred bytes.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
