using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorKit;

/// <summary>
/// Logto's <c>SendMessageData</c>: <c>{to, type, payload, ip?}</c>. <see cref="Payload"/> is a JSON object with the optional
/// strings <c>code</c>, <c>link</c>, <c>locale</c>, <c>uiLocales</c> and any nested context (<c>user</c>, <c>application</c>,
/// <c>organization</c>, <c>inviter</c>, …), kept as JSON so handlebars can walk it.
/// </summary>
public sealed record SendMessageData(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("type")] TemplateType Type,
    [property: JsonPropertyName("payload")] JsonElement Payload,
    [property: JsonPropertyName("ip")] string? Ip = null);
