using System.Text.Json;

namespace Logto.ConnectorHost.Cli;

/// <summary>Reads a config file for the one-shot commands; problems are told to the user, never thrown.</summary>
internal static class ConfigFile
{
    public static JsonElement? TryRead(string path, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read {path}: {exception.Message}");
            return null;
        }

        try
        {
            var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
            using var document = JsonDocument.Parse(text, options);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            // The position only: JsonException messages can quote the input, and a config holds secrets.
            error.WriteLine($"error: {path} is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
            return null;
        }
    }
}
