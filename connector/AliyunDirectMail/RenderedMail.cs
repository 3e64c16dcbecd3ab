namespace Logto.Connector.AliyunDirectMail;

/// <summary>One mail ready for SingleSendMail: placeholders rendered, inputs checked.</summary>
internal sealed record RenderedMail(string ToAddress, string? FromAlias, string Subject, string Body, bool IsPlainText);
