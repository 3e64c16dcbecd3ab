using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>What a connector declares: its id, Logto type (<c>Email</c>, <c>Sms</c>), Logto metadata and config JSON Schema.</summary>
public sealed record ConnectorDescriptor(string Id, string Type, JsonObject Metadata, JsonObject ConfigSchema);
