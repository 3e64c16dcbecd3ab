using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Protocol;

/// <summary>
/// <c>sendMessage</c> params: Logto's <c>SendMessageData</c> flattened, plus the config and the i18n template. <c>to</c>,
/// <c>type</c> and <c>ip</c> are read as JSON and checked by <see cref="Connectors.SendMessageDataReader"/>: a wrong value
/// there is the caller's data (Logto's 400), not a protocol error.
/// </summary>
internal sealed class SendMessageParams
{
    [JsonPropertyName("connectorId")]
    public string? ConnectorId { get; init; }

    [JsonPropertyName("to")]
    public required JsonElement To { get; init; }

    [JsonPropertyName("type")]
    public required JsonElement Type { get; init; }

    [JsonPropertyName("payload")]
    public required JsonElement Payload { get; init; }

    [JsonPropertyName("ip")]
    public JsonElement? Ip { get; init; }

    [JsonPropertyName("config")]
    public required JsonElement Config { get; init; }

    [JsonPropertyName("template")]
    public EmailTemplateDetails? Template { get; init; }
}
