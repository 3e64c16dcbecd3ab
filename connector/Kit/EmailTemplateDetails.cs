using System.Text.Json.Serialization;

namespace Logto.ConnectorKit;

/// <summary>Logto's i18n email template (<c>EmailTemplateDetails</c>), found by Logto and passed with the call.</summary>
public sealed record EmailTemplateDetails(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("contentType")] string? ContentType = null,
    [property: JsonPropertyName("replyTo")] string? ReplyTo = null,
    [property: JsonPropertyName("sendFrom")] string? SendFrom = null)
{
    public const string TextPlain = "text/plain";
    public const string TextHtml = "text/html";
}
