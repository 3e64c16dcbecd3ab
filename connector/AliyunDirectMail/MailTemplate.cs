using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The template chosen for one send, before rendering. <see cref="SendFrom"/> only ever comes from an i18n template.</summary>
internal sealed record MailTemplate(string Subject, string Content, bool IsPlainText, string? SendFrom)
{
    /// <summary>
    /// Like the official connector: Logto's i18n template, then the config template whose <c>usageType</c> is the type, then
    /// <c>Generic</c> (connector-kit <c>getConfigTemplateByType</c>).
    /// </summary>
    public static MailTemplate Select(SendMessageCall call, AliyunDirectMailConfig config)
    {
        if (call.Template is { } i18n)
        {
            // Deviation: the official connector ignores contentType and always sends HtmlBody.
            var isPlainText = string.Equals(i18n.ContentType, EmailTemplateDetails.TextPlain, StringComparison.OrdinalIgnoreCase);
            return new MailTemplate(i18n.Subject, i18n.Content, isPlainText, i18n.SendFrom);
        }

        var type = call.Data.Type.ToString();
        var template = config.Templates.FirstOrDefault(t => t.UsageType == type)
            ?? config.Templates.FirstOrDefault(t => t.UsageType == nameof(TemplateType.Generic))
            ?? throw new ConnectorException(ConnectorErrorCode.TemplateNotFound, $"Cannot find template for type: {type}");
        return new MailTemplate(template.Subject, template.Content, IsPlainText: false, SendFrom: null);
    }
}
