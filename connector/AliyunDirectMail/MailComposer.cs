using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>Turns a <c>sendMessage</c> call into a <see cref="RenderedMail"/>: template choice, handlebars, input checks.</summary>
internal static class MailComposer
{
    public static RenderedMail Compose(SendMessageCall call, AliyunDirectMailConfig config)
    {
        var template = MailTemplate.Select(call, config);
        MailInputGuard.EnsureSingleRecipient(call.Data.To);
        var payload = call.Data.Payload;

        // Subject and alias are header text: never HTML-escaped. A plain-text body is not HTML either.
        var escapeBody = !template.IsPlainText && (config.EscapeHtml ?? true);
        var subject = HandlebarsTemplate.Render(template.Subject, payload);
        var body = HandlebarsTemplate.Render(template.Content, payload, escapeBody);

        // Official connector: `customTemplate?.sendFrom ? render(sendFrom) : config.fromAlias` (an empty sendFrom falls back).
        var fromAlias = string.IsNullOrEmpty(template.SendFrom)
            ? config.FromAlias
            : HandlebarsTemplate.Render(template.SendFrom, payload);

        MailInputGuard.EnsureHeaderText("subject", subject);
        MailInputGuard.EnsureSubjectLength(subject);
        if (fromAlias is not null)
        {
            MailInputGuard.EnsureHeaderText("sender alias (FromAlias)", fromAlias);
        }

        return new RenderedMail(call.Data.To, fromAlias, subject, body, template.IsPlainText);
    }
}
