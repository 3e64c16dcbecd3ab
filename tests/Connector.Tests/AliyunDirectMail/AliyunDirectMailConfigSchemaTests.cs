using System.Text.Json.Nodes;
using Connector.Tests.Schema;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

public sealed class AliyunDirectMailConfigSchemaTests
{
    [Fact]
    public void Committed_schema_matches_the_one_generated_from_the_config_type() =>
        GeneratedFile.AssertUpToDate(AliyunDirectMailConfigSchemaSource.RelativePath, AliyunDirectMailConfigSchemaSource.GenerateText());

    [Fact]
    public void Embedded_schema_is_the_committed_file()
    {
        var committed = File.ReadAllText(GeneratedFile.PathOf(AliyunDirectMailConfigSchemaSource.RelativePath)).ReplaceLineEndings("\n");

        Assert.Equal(committed, AliyunDirectMailMetadata.Source.ConfigSchemaJson.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Schema_declares_draft_2020_12_and_the_required_keys()
    {
        var schema = AliyunDirectMailMetadata.Source.ConfigSchema;

        Assert.Equal(ConfigSchemaGenerator.Draft202012, schema["$schema"]!.GetValue<string>());
        Assert.Equal(["accessKeyId", "accessKeySecret", "accountName", "templates"], Strings(schema["required"]));
        Assert.Null(schema["additionalProperties"]);
    }

    [Fact]
    public void RegionId_lists_the_regions_the_connector_has_endpoints_for_with_their_titles()
    {
        var regionId = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!["regionId"]!;

        Assert.Equal(["cn-hangzhou", "ap-southeast-1", "ap-southeast-2", "eu-central-1", "us-east-1"], Strings(regionId["enum"]));
        Assert.Equal(DirectMailEndpoints.Regions.Select(region => region.Id), Strings(regionId["enum"]));
        Assert.Equal(DirectMailEndpoints.Regions.Select(region => region.Title), Strings(regionId["x-enumTitles"]));
        Assert.Equal(DirectMailEndpoints.DefaultRegionId, regionId["default"]!.GetValue<string>());
    }

    [Fact]
    public void Templates_require_Register_SignIn_ForgotPassword_and_Generic_through_contains()
    {
        var templates = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!["templates"]!;

        var required = templates["allOf"]!.AsArray().Select(c => c!["contains"]!["properties"]!["usageType"]!["const"]!.GetValue<string>());
        Assert.Equal(AliyunDirectMailConfigSchemaSource.RequiredUsageTypes, required);
        Assert.Contains(
            $"{AliyunDirectMailConfigSchemaSource.RequiredUsageTypesInWords} are required",
            templates["description"]!.GetValue<string>(),
            StringComparison.Ordinal);
        var usageType = templates["items"]!["properties"]!["usageType"]!;
        Assert.Equal(Enum.GetNames<TemplateType>(), Strings(usageType["examples"]));
        Assert.Null(usageType["enum"]);
    }

    [Fact]
    public void Default_templates_cover_every_usage_type_once()
    {
        var defaults = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!["templates"]!["default"]!.AsArray();

        Assert.Equal(Enum.GetNames<TemplateType>(), defaults.Select(t => t!["usageType"]!.GetValue<string>()));
        Assert.All(defaults, t => Assert.Contains("{{", t!["content"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_secret_is_write_only()
    {
        var properties = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!.AsObject();

        var secrets = properties.Where(p => p.Value!["writeOnly"]?.GetValue<bool>() == true).Select(p => p.Key);
        Assert.Equal(["accessKeySecret"], secrets);
    }

    [Fact]
    public void Endpoint_is_an_http_uri()
    {
        var endpoint = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!["endpoint"]!;

        Assert.Equal("uri", endpoint["format"]!.GetValue<string>());
        Assert.Equal("^https?://", endpoint["pattern"]!.GetValue<string>());
    }

    [Fact]
    public void EscapeHtml_is_a_boolean_defaulting_to_true()
    {
        var escapeHtml = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!["escapeHtml"]!;

        Assert.Equal("boolean", escapeHtml["type"]!.GetValue<string>());
        Assert.True(escapeHtml["default"]!.GetValue<bool>());
    }

    [Fact]
    public void No_schema_object_has_a_nullable_type_or_a_reference()
    {
        var text = AliyunDirectMailMetadata.Source.ConfigSchemaJson;

        Assert.DoesNotContain("\"null\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$ref", text, StringComparison.Ordinal);
        Assert.DoesNotContain("definitions", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_uses_only_keywords_the_issue_mapping_and_the_form_generator_understand()
    {
        string[] known =
        [
            "$schema", "title", "description", "type", "required", "properties", "items", "enum", "const", "default", "examples",
            "format", "pattern", "allOf", "contains", "writeOnly",
            "x-placeholder", "x-tooltip", "x-enumTitles", "x-multiline", "x-missingItemsMessage",
        ];

        Assert.Empty(Keywords(AliyunDirectMailMetadata.Source.ConfigSchema).Except(known));
    }

    private static IEnumerable<string> Keywords(JsonObject schema) => schema.SelectMany(p => p.Key switch
    {
        "properties" => new[] { p.Key }.Concat(p.Value!.AsObject().SelectMany(s => Keywords(s.Value!.AsObject()))),
        "items" or "contains" => new[] { p.Key }.Concat(Keywords(p.Value!.AsObject())),
        "allOf" => new[] { p.Key }.Concat(p.Value!.AsArray().SelectMany(s => Keywords(s!.AsObject()))),
        _ => [p.Key],
    });

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
