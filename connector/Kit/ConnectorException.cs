using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// Logto's <c>ConnectorError(code, data)</c>. <see cref="Data"/> travels to Logto as the error's <c>data</c>; a string is
/// wrapped as <c>{ message }</c> like connector-kit does. Never put a secret in the message or the data.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(ConnectorErrorCode code, JsonNode? data = null, Exception? innerException = null)
        : base(FormatMessage(code, data), innerException)
    {
        Code = code;
        ErrorData = data;
    }

    public ConnectorException(ConnectorErrorCode code, string message, Exception? innerException = null)
        : this(code, new JsonObject { ["message"] = message }, innerException)
    {
    }

    public ConnectorErrorCode Code { get; }

    /// <summary>The error's <c>data</c> (named so to leave <see cref="Exception.Data"/> alone).</summary>
    public JsonNode? ErrorData { get; }

    private static string FormatMessage(ConnectorErrorCode code, JsonNode? data) =>
        data is null ? $"ConnectorError: {code.ToWire()}" : $"ConnectorError: {code.ToWire()} {data.ToJsonString()}";
}
