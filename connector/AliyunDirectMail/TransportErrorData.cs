using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The <c>general</c> error data for a transport failure; Logto shows "Error occurred in connector: {errorDescription}".</summary>
internal sealed record TransportErrorData([property: JsonPropertyName("errorDescription")] string ErrorDescription);
