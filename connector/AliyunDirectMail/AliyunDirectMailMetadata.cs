using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>The connector's Logto metadata (id, names, form items generated from the config schema) and its config schema.</summary>
public static class AliyunDirectMailMetadata
{
    /// <summary>Distinct from the official connector's <c>aliyun-direct-mail</c>, which ships in Logto's Docker image.</summary>
    public const string Id = "aliyun-direct-mail-dotnet";

    // STUB: metadata and schema come from the committed schema file.
    public static ConnectorDescriptor Descriptor { get; } = new(Id, "Email", new JsonObject { ["id"] = Id }, new JsonObject());
}
