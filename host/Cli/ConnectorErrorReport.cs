using System.Text;
using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.ConnectorHost.Cli;

/// <summary>
/// A connector failure for people: the Logto code, then the issues (zod-style <c>path: message</c>) or the data,
/// redacted.
/// </summary>
internal static class ConnectorErrorReport
{
    public static string Describe(ConnectorException exception, IConnector connector, JsonElement config)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(connector);
        var schema = JsonSerializer.SerializeToElement(connector.Descriptor.ConfigSchema, CliJsonContext.Default.JsonObject);
        var redactor = SecretRedactor.ForConfig(config, SecretRedactor.FindSecretFields(schema));
        var text = new StringBuilder().Append(exception.Code.ToWire()).Append('\n');
        if (exception.ErrorData is null)
        {
            return text.ToString();
        }

        var data = redactor.Redact(JsonSerializer.SerializeToElement(exception.ErrorData, CliJsonContext.Default.JsonNode));
        if (data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("issues", out var issues)
            && issues.ValueKind == JsonValueKind.Array)
        {
            foreach (var issue in issues.EnumerateArray())
            {
                text.Append("  - ").Append(PathOf(issue)).Append(": ")
                    .Append(StringOf(issue, "message") ?? issue.GetRawText()).Append('\n');
            }

            return text.ToString();
        }

        return text.Append(ReadableJson.Format(data)).ToString();
    }

    private static string PathOf(JsonElement issue)
    {
        if (!issue.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.Array || path.GetArrayLength() == 0)
        {
            return "(config)";
        }

        return string.Join('.', path.EnumerateArray().Select(segment =>
            segment.ValueKind == JsonValueKind.String ? segment.GetString() : segment.GetRawText()));
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
