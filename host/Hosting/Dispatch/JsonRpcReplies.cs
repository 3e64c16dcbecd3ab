using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>Serializes responses to the UTF-8 bytes of one frame body (or one batch member).</summary>
internal static class JsonRpcReplies
{
    public static byte[] Success(RequestId id, JsonElement result) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonRpcResponse { Id = id, Result = result }, HostJsonContext.Wire.JsonRpcResponse);

    public static byte[] Error(RequestId? id, JsonRpcError error) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonRpcErrorResponse { Id = id, Error = error }, HostJsonContext.Wire.JsonRpcErrorResponse);
}
