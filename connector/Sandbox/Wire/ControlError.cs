using System.Text.Json.Serialization;

namespace Logto.Connector.AliyunSandbox.Wire;

/// <summary>Error body of the <c>/_sandbox/*</c> control endpoints.</summary>
internal sealed record ControlError
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }
}
