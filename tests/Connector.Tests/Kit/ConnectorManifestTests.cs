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

    private static readonly ConnectorManifestHost Host = new(
        new Dictionary<string, string> { ["linux-x64"] = "./bin/linux-x64/host", ["linux-arm64"] = "./bin/linux-arm64/host" },
        ["serve"],
        "jsonrpc-stdio",
        "1");

    [Fact]
    public void Build_puts_version_type_metadata_schema_path_and_host_in_order()
    {
        var manifest = ConnectorManifest.Build(Descriptor with { ConfigSchemaPath = "./schema/demo.json" }, Host);

        Assert.Equal(["manifestVersion", "type", "metadata", "configSchema", "sendMessageContext", "host"], manifest.Select(p => p.Key));
        Assert.Equal(1, manifest["manifestVersion"]!.GetValue<int>());
        Assert.Equal("Sms", manifest["type"]!.GetValue<string>());
        Assert.Equal("./schema/demo.json", manifest["configSchema"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Descriptor.Metadata, manifest["metadata"]));
    }

    [Fact]
    public void Build_copies_the_metadata_so_the_descriptor_can_be_used_again()
    {
        var first = ConnectorManifest.Build(Descriptor, Host);
        var second = ConnectorManifest.Build(Descriptor, Host);
        first["metadata"]!["id"] = "changed";

        Assert.Equal("demo-connector", second["metadata"]!["id"]!.GetValue<string>());
        Assert.Equal("demo-connector", Descriptor.Metadata["id"]!.GetValue<string>());
    }

    [Fact]
    public void Build_writes_the_hosts_section_with_executables_in_ordinal_order()
    {
        var host = ConnectorManifest.Build(Descriptor, Host)["host"]!;

        Assert.Equal(
            """{"executables":{"linux-arm64":"./bin/linux-arm64/host","linux-x64":"./bin/linux-x64/host"},"args":["serve"],"protocol":"jsonrpc-stdio","protocolVersion":"1"}""",
            host.ToJsonString());
    }

    [Theory]
    [InlineData("Email", """["i18nEmailTemplate"]""")]
    [InlineData("Sms", "[]")]
    public void Only_email_connectors_ask_Logto_for_i18n_email_templates_by_default(string type, string expected)
    {
        var manifest = ConnectorManifest.Build(Descriptor with { Type = type }, Host);

        Assert.Equal(expected, manifest["sendMessageContext"]!.ToJsonString());
    }

    [Fact]
    public void Default_schema_path_is_named_after_the_connector_id()
    {
        Assert.Equal("./schema/demo-connector.config.schema.json", Descriptor.ConfigSchemaPath);
    }

    [Fact]
    public void Build_rejects_an_empty_schema_path()
    {
        Assert.Throws<ArgumentException>(() => ConnectorManifest.Build(Descriptor with { ConfigSchemaPath = "" }, Host));
    }
}
