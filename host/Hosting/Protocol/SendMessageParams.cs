using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>sendMessage</c> params: Logto's <c>SendMessageData</c> flattened, plus the config and the i18n template.</summary>
internal sealed class SendMessageParams
{
    [JsonPropertyName("connectorId")]
    public string? ConnectorId { get; init; }

    [JsonPropertyName("to")]
    public required string To { get; init; }

    [JsonPropertyName("type")]
    public required TemplateType Type { get; init; }

    [JsonPropertyName("payload")]
    public required JsonElement Payload { get; init; }

    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    [JsonPropertyName("config")]
    public required JsonElement Config { get; init; }

    [JsonPropertyName("template")]
    public EmailTemplateDetails? Template { get; init; }
}
