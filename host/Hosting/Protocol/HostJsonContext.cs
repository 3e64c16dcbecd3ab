using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Logto.ConnectorHost.Protocol;

/// <summary>Every JSON type the host reads or writes, source-generated (no reflection: the host is a Native AOT binary).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
// Envelopes
[JsonSerializable(typeof(JsonRpcResponse))]
[JsonSerializable(typeof(JsonRpcErrorResponse))]
[JsonSerializable(typeof(JsonRpcError))]
// Params
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(DescribeParams))]
[JsonSerializable(typeof(ValidateConfigParams))]
[JsonSerializable(typeof(SendMessageParams))]
[JsonSerializable(typeof(CancelRequestParams))]
// Results
[JsonSerializable(typeof(EmptyResult))]
// Error data
[JsonSerializable(typeof(InvalidParamsData))]
[JsonSerializable(typeof(UnsupportedVersionData))]
[JsonSerializable(typeof(ConnectorErrorData))]
[JsonSerializable(typeof(FrameTooLargeData))]
[JsonSerializable(typeof(InflightBudgetData))]
// Plumbing
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(string))]
internal sealed partial class HostJsonContext : JsonSerializerContext
{
    /// <summary>The context every wire read and write uses: the attribute's settings plus the wire's escaping.</summary>
    public static HostJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Encoder = WireEncoding.Encoder,
    });
}
