using System.Text.Json;
using System.Text.RegularExpressions;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// Logto's <c>replaceSendMessageHandlebars</c> (connector-kit 5.1.1 <c>lib/index.js</c>): every <c>{{ path }}</c> whose root key
/// is in the payload becomes <c>String(getValue(payload, path) ?? '')</c>; a placeholder with an unknown root stays verbatim.
/// </summary>
/// <remarks>
/// Deliberate deviation: Logto's <c>baseKey in payload</c> also sees inherited members (<c>{{constructor}}</c> renders as
/// <c>function Object() { [native code] }</c>); here only the payload's own JSON members count.
/// </remarks>
public static partial class HandlebarsTemplate
{
    // ECMAScript \s (WhiteSpace + LineTerminator), spelled out: .NET's \s also matches U+0085 and misses U+FEFF.
    private const string JsWhiteSpace = @"[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]";

    // /{{\s*([\w.]+)\s*}}/g with JS's ASCII-only \w.
    [GeneratedRegex(@"\{\{" + JsWhiteSpace + @"*([A-Za-z0-9_.]+)" + JsWhiteSpace + @"*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>
    /// Renders <paramref name="template"/>. With <paramref name="escapeHtml"/> the substituted values (never the template text)
    /// are HTML-escaped, so a payload value cannot become markup; without it the result is exactly Logto's.
    /// </summary>
    public static string Render(string template, JsonElement payload, bool escapeHtml = false)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholder().Replace(template, match =>
        {
            var path = match.Groups[1].Value;
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var root = dot < 0 ? path : path[..dot];
            if (root.Length == 0 || !JsValue.TryGetMember(payload, root, out _))
            {
                return match.Value;
            }

            var text = JsValue.ToJsString(JsValue.GetPath(payload, path));
            return escapeHtml ? HtmlText.Escape(text) : text;
        });
    }
}
