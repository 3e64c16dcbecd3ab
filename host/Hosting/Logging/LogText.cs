using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Logging;

/// <summary>
/// Client-chosen text (method names, ids, client info) as it appears in a log line: plain when it is short and printable,
/// else JSON-quoted (control characters and lone surrogates as escapes) and cut to a readable length, since a frame may
/// carry megabytes of it.
/// </summary>
internal static class LogText
{
    public const int MaxLength = 120;

    public static string Safe(string text) => text.Length <= MaxLength && text.All(IsPlain) ? text : Quoted(text);

    public static string Quoted(string text)
    {
        var quoted = JsonText.Quote(text.Length > MaxLength ? text[..MaxLength] : text);
        return text.Length > MaxLength ? quoted + "…" : quoted;
    }

    private static bool IsPlain(char c) => c is > ' ' and < '\u007F' and not ('"' or '\\');
}
