using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

public sealed class ConnectorManifestTests
{
    private static readonly ConnectorDescriptor Descriptor = new(
        "demo-connector",
        "Sms",
        new JsonObject { ["id"] = "demo-connector", ["name"] = new JsonObject { ["en"] = "Démo <SMS>" } },
        new JsonObject { ["type"] = "object" });

    [Fact]
    public void Build_puts_version_type_metadata_schema_path_and_host_in_order()
    {
        var manifest = ConnectorManifest.Build(Descriptor, "./schema/demo.json", ConnectorManifestHost.Default);

        Assert.Equal(["manifestVersion", "type", "metadata", "configSchema", "host"], manifest.Select(p => p.Key));
        Assert.Equal(1, manifest["manifestVersion"]!.GetValue<int>());
        Assert.Equal("Sms", manifest["type"]!.GetValue<string>());
        Assert.Equal("./schema/demo.json", manifest["configSchema"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Descriptor.Metadata, manifest["metadata"]));
    }

    [Fact]
    public void Build_copies_the_metadata_so_the_descriptor_can_be_used_again()
    {
        var first = ConnectorManifest.Build(Descriptor, "./a.json", ConnectorManifestHost.Default);
        var second = ConnectorManifest.Build(Descriptor, "./a.json", ConnectorManifestHost.Default);
        first["metadata"]!["id"] = "changed";

        Assert.Equal("demo-connector", second["metadata"]!["id"]!.GetValue<string>());
        Assert.Equal("demo-connector", Descriptor.Metadata["id"]!.GetValue<string>());
    }

    [Fact]
    public void Default_host_runs_the_published_host_with_serve_over_jsonrpc_stdio()
    {
        var host = ConnectorManifest.Build(Descriptor, "./a.json", ConnectorManifestHost.Default)["host"]!;

        Assert.Equal(
            """{"executables":{"linux-musl-x64":"./host/publish/linux-musl-x64/logto-connector-host","linux-x64":"./host/publish/linux-x64/logto-connector-host"},"args":["serve"],"protocol":"jsonrpc-stdio","protocolVersion":"1"}""",
            host.ToJsonString());
    }

    [Fact]
    public void ToText_indents_with_LF_keeps_text_readable_and_ends_with_a_newline()
    {
        var text = ConnectorManifest.ToText(new JsonObject { ["name"] = "Démo <SMS> & 中文" });

        Assert.Equal("{\n  \"name\": \"Démo <SMS> & 中文\"\n}\n", text);
    }

    [Fact]
    public void Build_rejects_an_empty_schema_path()
    {
        Assert.Throws<ArgumentException>(() => ConnectorManifest.Build(Descriptor, "", ConnectorManifestHost.Default));
    }
}
