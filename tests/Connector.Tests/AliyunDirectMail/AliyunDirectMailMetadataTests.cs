using System.Text.Json.Nodes;
using Connector.Tests.Schema;
using Logto.Connector.AliyunDirectMail;

namespace Connector.Tests.AliyunDirectMail;

public sealed class AliyunDirectMailMetadataTests
{
    [Fact]
    public void Metadata_matches_the_committed_snapshot() =>
        CommittedSnapshot.Match<AliyunDirectMailMetadataTests>(AliyunDirectMailMetadata.Source.Metadata);

    [Fact]
    public void FormItems_match_the_committed_snapshot() =>
        CommittedSnapshot.Match<AliyunDirectMailMetadataTests>(AliyunDirectMailMetadata.Source.Metadata["formItems"]!);

    [Fact]
    public void Descriptor_carries_the_id_the_Email_type_the_metadata_and_the_schema()
    {
        var descriptor = AliyunDirectMailMetadata.Source.Descriptor;

        Assert.Equal("aliyun-direct-mail-dotnet", descriptor.Id);
        Assert.Equal("Email", descriptor.Type);
        Assert.Equal(descriptor.Id, descriptor.Metadata["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(AliyunDirectMailMetadata.Source.ConfigSchema, descriptor.ConfigSchema));
    }

    [Fact]
    public void Metadata_targets_aliyun_dm_with_no_platform_and_package_relative_files()
    {
        var metadata = AliyunDirectMailMetadata.Source.Metadata;

        Assert.Equal("aliyun-dm", metadata["target"]!.GetValue<string>());
        Assert.True(metadata.ContainsKey("platform"));
        Assert.Null(metadata["platform"]);
        Assert.Equal("./logo.svg", metadata["logo"]!.GetValue<string>());
        Assert.Null(metadata["logoDark"]);
        Assert.Equal("./connector/AliyunDirectMail/README.md", metadata["readme"]!.GetValue<string>());
        Assert.True(File.Exists(GeneratedFile.PathOf("logo.svg")));
        Assert.StartsWith(
            "# Aliyun Direct Mail (.NET) connector",
            File.ReadAllText(GeneratedFile.PathOf(metadata["readme"]!.GetValue<string>())),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Name_and_description_are_in_English_and_Simplified_Chinese_at_least()
    {
        var metadata = AliyunDirectMailMetadata.Source.Metadata;

        foreach (var phrases in new[] { metadata["name"]!.AsObject(), metadata["description"]!.AsObject() })
        {
            Assert.Contains("en", phrases.Select(p => p.Key));
            Assert.Contains("zh-CN", phrases.Select(p => p.Key));
            Assert.Equal(phrases.Select(p => p.Key), metadata["name"]!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public void FormItems_follow_the_schemas_property_order()
    {
        var keys = AliyunDirectMailMetadata.Source.Metadata["formItems"]!.AsArray().Select(i => i!["key"]!.GetValue<string>());

        Assert.Equal(AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!.AsObject().Select(p => p.Key), keys);
    }

    [Fact]
    public void Only_the_secret_is_a_confidential_form_item()
    {
        var items = AliyunDirectMailMetadata.Source.Metadata["formItems"]!.AsArray();

        var confidential = items.Where(i => i!["isConfidential"]?.GetValue<bool>() == true).Select(i => i!["key"]!.GetValue<string>());
        Assert.Equal(["accessKeySecret"], confidential);
    }

    [Fact]
    public void Templates_item_is_Json_with_nine_default_templates()
    {
        var templates = Item("templates");

        Assert.Equal("Json", templates["type"]!.GetValue<string>());
        Assert.True(templates["required"]!.GetValue<bool>());
        Assert.Equal(9, templates["defaultValue"]!.AsArray().Count);
    }

    [Fact]
    public void Region_item_is_a_Select_with_a_title_per_region()
    {
        var region = Item("regionId");

        Assert.Equal("Select", region["type"]!.GetValue<string>());
        Assert.Equal("cn-hangzhou", region["defaultValue"]!.GetValue<string>());
        Assert.Equal(
            ["China (Hangzhou)", "Singapore", "United States (formerly Sydney)", "Germany (Frankfurt)", "US (Virginia)"],
            region["selectItems"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void EscapeHtml_item_is_a_Switch_on_by_default()
    {
        var escapeHtml = Item("escapeHtml");

        Assert.Equal("Switch", escapeHtml["type"]!.GetValue<string>());
        Assert.True(escapeHtml["defaultValue"]!.GetValue<bool>());
    }

    [Fact]
    public void Every_getter_returns_fresh_nodes()
    {
        var first = AliyunDirectMailMetadata.Source.Metadata;
        first["id"] = "changed";
        var schema = AliyunDirectMailMetadata.Source.ConfigSchema;
        schema.Remove("properties");
        var holder = new JsonObject { ["metadata"] = AliyunDirectMailMetadata.Source.Descriptor.Metadata };

        Assert.Equal(AliyunDirectMailMetadata.Id, AliyunDirectMailMetadata.Source.Metadata["id"]!.GetValue<string>());
        Assert.NotNull(AliyunDirectMailMetadata.Source.ConfigSchema["properties"]);
        Assert.NotNull(new JsonObject { ["again"] = AliyunDirectMailMetadata.Source.Descriptor.Metadata }["again"]);
        Assert.NotNull(holder["metadata"]);
    }

    private static JsonObject Item(string key) =>
        AliyunDirectMailMetadata.Source.Metadata["formItems"]!.AsArray().Single(i => i!["key"]!.GetValue<string>() == key)!.AsObject();
}
