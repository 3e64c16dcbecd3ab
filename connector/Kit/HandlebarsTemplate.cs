using System.Text;
using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>
/// Logto's <c>replaceSendMessageHandlebars</c> (connector-kit 5.1.1 <c>lib/index.js</c>): every <c>{{ path }}</c> whose root key
/// is in the payload becomes <c>String(getValue(payload, path) ?? '')</c>; a placeholder with an unknown root stays verbatim.
/// </summary>
/// <remarks>
/// Deliberate deviation: Logto's <c>baseKey in payload</c> also sees inherited members (<c>{{constructor}}</c> renders as
/// <c>function Object() { [native code] }</c>); here only the payload's own JSON members count.
/// Placeholders are found by a scanner equivalent to Logto's <c>/{{\s*([\w.]+)\s*}}/g</c> rather than a regex: with no
/// regex left, the Native AOT host carries no regex engine at all (README's Performance section has the size).
/// </remarks>
public static class HandlebarsTemplate
{
    /// <summary>
    /// Renders <paramref name="template"/>. With <paramref name="escapeHtml"/> the substituted values (never the template text)
    /// are HTML-escaped, so a payload value cannot become markup; without it the result is exactly Logto's.
    /// </summary>
    public static string Render(string template, JsonElement payload, bool escapeHtml = false) =>
        TryRender(template, payload, escapeHtml, int.MaxValue, out var rendered) ? rendered : throw new InvalidOperationException();

    /// <summary>
    /// Renders like <see cref="Render"/> but gives up, returning false, as soon as the output would be longer than
    /// <paramref name="maxLength"/> characters: a template of many placeholders and a payload of long values cannot make the
    /// connector build output it would refuse to send anyway.
    /// </summary>
    public static bool TryRender(string template, JsonElement payload, bool escapeHtml, int maxLength, out string rendered)
    {
        ArgumentNullException.ThrowIfNull(template);
        rendered = string.Empty;
        StringBuilder? output = null;
        var copied = 0;
        var at = template.IndexOf("{{", StringComparison.Ordinal);
        while (at >= 0)
        {
            if (!TryMatch(template, at, out var path, out var end))
            {
                at = template.IndexOf("{{", at + 1, StringComparison.Ordinal);
                continue;
            }

            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var root = dot < 0 ? path : path[..dot];
            if (root.Length > 0 && JsValue.TryGetMember(payload, root, out _))
            {
                var text = JsValue.ToJsString(JsValue.GetPath(payload, path));
                output ??= new StringBuilder(Math.Min(template.Length + 16, maxLength));
                output.Append(template, copied, at - copied).Append(escapeHtml ? HtmlText.Escape(text) : text);
                copied = end;
                if (output.Length > maxLength)
                {
                    return false;
                }
            }

            at = template.IndexOf("{{", end, StringComparison.Ordinal);
        }

        rendered = output is null ? template : output.Append(template, copied, template.Length - copied).ToString();
        return rendered.Length <= maxLength;
    }

    // {{ \s* [\w.]+ \s* }} at `start`. No backtracking is needed: whitespace, [\w.] and '}' are disjoint.
    private static bool TryMatch(string template, int start, out string path, out int end)
    {
        var i = start + 2;
        while (i < template.Length && IsJsWhiteSpace(template[i]))
        {
            i++;
        }

        var pathStart = i;
        while (i < template.Length && IsJsWordOrDot(template[i]))
        {
            i++;
        }

        path = template[pathStart..i];
        while (i < template.Length && IsJsWhiteSpace(template[i]))
        {
            i++;
        }

        end = i + 2;
        return path.Length > 0 && i + 1 < template.Length && template[i] == '}' && template[i + 1] == '}';
    }

    // JavaScript's \w is ASCII only.
    private static bool IsJsWordOrDot(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    // ECMAScript \s (WhiteSpace + LineTerminator): .NET's char.IsWhiteSpace also matches U+0085 and misses U+FEFF.
    private static bool IsJsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' => true,
        '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        _ => c is >= '\u2000' and <= '\u200A',
    };
}
