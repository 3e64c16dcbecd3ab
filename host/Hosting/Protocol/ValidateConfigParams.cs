using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>validateConfig</c> params: which connector (optional when one is served) and the config to check.</summary>
internal sealed class ValidateConfigParams
{
    [JsonPropertyName("connectorId")]
    public string? ConnectorId { get; init; }

    [JsonPropertyName("config")]
    public required JsonElement Config { get; init; }
}
