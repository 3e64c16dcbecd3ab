using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>Turns a <c>sendMessage</c> call into a <see cref="RenderedMail"/>: template choice, handlebars, input checks.</summary>
internal static class MailComposer
{
    private static string Render(string what, string template, System.Text.Json.JsonElement payload, bool escapeHtml, int maxLength) =>
        HandlebarsTemplate.TryRender(template, payload, escapeHtml, maxLength, out var rendered)
            ? rendered
            : throw MailInputGuard.TooLong(what, maxLength);

    public static RenderedMail Compose(SendMessageCall call, AliyunDirectMailConfig config)
    {
        var template = MailTemplate.Select(call, config);
        MailInputGuard.EnsureSingleRecipient(call.Data.To);
        var payload = call.Data.Payload;

        // Subject and alias are header text: never HTML-escaped. A plain-text body is not HTML either. Rendering stops at a
        // bound (the body's Direct Mail limit; for the headers a bound that still lets a control character be named as the
        // reason), so oversized output is refused while it is being built, before anything is signed.
        var escapeBody = !template.IsPlainText && (config.EscapeHtml ?? true);
        var subject = Render("subject", template.Subject, payload, escapeHtml: false, MailInputGuard.MaxHeaderRenderLength);
        var body = Render("body", template.Content, payload, escapeBody, MailInputGuard.MaxBodyLength);
        MailInputGuard.EnsureBodySize(body);

        // Official connector: `customTemplate?.sendFrom ? render(sendFrom) : config.fromAlias` (an empty sendFrom falls back).
        var fromAlias = string.IsNullOrEmpty(template.SendFrom)
            ? config.FromAlias
            : Render("sender alias (FromAlias)", template.SendFrom, payload, escapeHtml: false, MailInputGuard.MaxHeaderRenderLength);

        MailInputGuard.EnsureHeaderText("subject", subject);
        MailInputGuard.EnsureLength("subject", subject, MailInputGuard.MaxSubjectLength);
        if (fromAlias is not null)
        {
            MailInputGuard.EnsureHeaderText("sender alias (FromAlias)", fromAlias);
            MailInputGuard.EnsureLength("sender alias (FromAlias)", fromAlias, MailInputGuard.MaxFromAliasLength);
        }

        return new RenderedMail(call.Data.To, fromAlias, subject, body, template.IsPlainText);
    }
}
