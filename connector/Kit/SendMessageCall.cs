using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>
/// One <c>sendMessage</c>: Logto's data, the tenant's config (per call, possibly unsaved) and the i18n template Logto
/// found.
/// </summary>
public sealed record SendMessageCall(SendMessageData Data, JsonElement Config, EmailTemplateDetails? Template = null);
