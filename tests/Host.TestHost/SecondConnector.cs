using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Host.TestHost;

/// <summary>A second served connector, so the tests can address connectors by id.</summary>
internal sealed class SecondConnector : IConnector
{
    public const string Id = "second";

    public ConnectorDescriptor Descriptor { get; } = new(
        Id, "Sms", new JsonObject { ["id"] = Id, ["name"] = new JsonObject { ["en"] = "Second" } }, new JsonObject { ["type"] = "object" });

    public void ValidateConfig(JsonElement config)
    {
    }

    public Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken) =>
        Task.FromResult(JsonSerializer.SerializeToElement(new JsonObject { ["connector"] = Id, ["to"] = request.Data.To }));
}
