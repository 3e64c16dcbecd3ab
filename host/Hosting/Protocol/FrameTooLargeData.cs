using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary><c>data</c> of the -32600 answered to a frame over the size limit (which the host skipped unread).</summary>
internal sealed class FrameTooLargeData
{
    [JsonPropertyName("maxFrameBytes")]
    public required long MaxFrameBytes { get; init; }

    [JsonPropertyName("frameBytes")]
    public required long FrameBytes { get; init; }
}
