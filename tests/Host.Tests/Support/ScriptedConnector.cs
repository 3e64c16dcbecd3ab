using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Host.Tests.Support;

/// <summary>An in-process connector whose behaviour each test scripts.</summary>
internal sealed class ScriptedConnector(
    string id = "scripted",
    Func<SendMessageCall, CancellationToken, Task<JsonElement>>? send = null,
    Action<JsonElement>? validate = null,
    JsonObject? configSchema = null) : IConnector
{
    public ConnectorDescriptor Descriptor { get; } =
        new(id, "Email", new JsonObject { ["id"] = id }, configSchema ?? new JsonObject { ["type"] = "object" });

    public void ValidateConfig(JsonElement config) => validate?.Invoke(config);

    public Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken) =>
        send is null
            ? Task.FromResult(JsonSerializer.SerializeToElement(new JsonObject { ["to"] = request.Data.To }))
            : send(request, cancellationToken);
}
