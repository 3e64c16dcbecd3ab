using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunSms;

/// <summary>Which approved template a send uses, chosen exactly as the official connector chooses it.</summary>
internal static class SmsTemplate
{
    /// <summary>
    /// connector-kit <c>getConfigTemplateByType</c>: the first entry whose usageType is the type, else the first Generic.
    /// </summary>
    public static SmsTemplateConfig Select(TemplateType type, AliyunSmsConfig config)
    {
        var name = type.ToString();
        return config.Templates.FirstOrDefault(t => t.UsageType == name)
            ?? config.Templates.FirstOrDefault(t => t.UsageType == nameof(TemplateType.Generic))
            ?? throw new ConnectorException(ConnectorErrorCode.TemplateNotFound, $"Cannot find template for type: {name}");
    }

    /// <summary>
    /// A string code as it is; for <c>{china, overseas}</c> the raw <paramref name="to"/> decides: a mainland mobile number
    /// (<c>^(?:\+86|0086|86)?1\d{10}$</c>, the prefix required in strict mode) gets <c>china</c>, anything else <c>overseas</c>.
    /// </summary>
    public static string Code(SmsTemplateConfig template, string to, bool strictRegion) =>
        template.TemplateCode.ValueKind == JsonValueKind.String
            ? template.TemplateCode.GetString()!
            : template.TemplateCode.GetProperty(IsChinaNumber(to, strictRegion) ? "china" : "overseas").GetString()!;

    internal static bool IsChinaNumber(string to, bool strictRegion)
    {
        var number = to.StartsWith("+86", StringComparison.Ordinal) ? to[3..]
            : to.StartsWith("0086", StringComparison.Ordinal) ? to[4..]
            : to.StartsWith("86", StringComparison.Ordinal) ? to[2..]
            : strictRegion ? null : to;
        // A regex alternative backtracks: "8613800138000" without the prefix is 13 digits, not a mainland number; as the
        // regex does, fall back to the whole text when the prefixed reading fails.
        return IsMobile(number) || (!strictRegion && number != to && IsMobile(to));
    }

    // 1\d{10}: ASCII digits only (JavaScript's \d).
    private static bool IsMobile(string? number) =>
        number is { Length: 11 } && number[0] == '1' && number.AsSpan().ContainsAnyExceptInRange('0', '9') is false;
}
