using System.Text.Json;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>A method run concurrently with others; throws <see cref="JsonRpcException"/> for answers other than a result.</summary>
internal delegate Task<JsonElement> RpcMethod(JsonElement? parameters, CancellationToken cancellationToken);
