using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Tests.Schema;
using Json.Schema;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>
/// The package's logto-connector.manifest.json: generated from the descriptor, and valid per schema/manifest.schema.json.
/// </summary>
public sealed class AliyunDirectMailManifestTests
{
    private const string ManifestPath = "logto-connector.manifest.json";
    private const string ManifestSchemaPath = "schema/manifest.schema.json";

    [Fact]
    public void Committed_manifest_matches_the_one_generated_from_the_descriptor() =>
        GeneratedFile.AssertUpToDate(ManifestPath, ReadableJson.Format(Generate()));

    [Fact]
    public void Manifest_validates_against_the_manifest_schema()
    {
        var results = Evaluate(ManifestSchemaPath, File.ReadAllText(GeneratedFile.PathOf(ManifestPath)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Manifest_points_at_the_committed_config_schema_and_logo()
    {
        var manifest = Generate();

        Assert.Equal("./schema/aliyun-direct-mail.config.schema.json", manifest["configSchema"]!.GetValue<string>());
        Assert.True(File.Exists(GeneratedFile.PathOf(manifest["configSchema"]!.GetValue<string>())));
        Assert.True(File.Exists(GeneratedFile.PathOf(manifest["metadata"]!["logo"]!.GetValue<string>())));
        Assert.Equal("Email", manifest["type"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BrokenManifests() => new()
    {
        { "manifest version 2", """{"manifestVersion":2}""" },
        { "type Social", """{"type":"Social"}""" },
        { "no platform", """{"metadata":{"platform":"__remove__"}}""" },
        { "a name without en", """{"metadata":{"name":{"zh-CN":"x"}}}""" },
        { "an unknown form item type", """{"metadata":{"formItems":[{"key":"k","label":"l","type":"Password"}]}}""" },
        {
            "a Select without titles",
            """{"metadata":{"formItems":[{"key":"k","label":"l","type":"Select","selectItems":[{"value":"v"}]}]}}"""
        },
        { "an absolute schema path", """{"configSchema":"/etc/schema.json"}""" },
        { "another protocol", """{"host":{"protocol":"grpc"}}""" },
        { "an unknown runtime", """{"host":{"executables":{"freebsd-x64":"./host"}}}""" },
        { "no args", """{"host":{"args":"__remove__"}}""" },
    };

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void Manifest_schema_rejects_a_manifest_with(string scenario, string patch)
    {
        var manifest = Generate();
        Merge(manifest, JsonNode.Parse(patch)!.AsObject());

        Assert.False(Evaluate(ManifestSchemaPath, manifest.ToJsonString()).IsValid, scenario);
    }

    [Theory]
    [InlineData("schema/aliyun-direct-mail.config.schema.json")]
    [InlineData(ManifestSchemaPath)]
    public void Schema_file_is_a_valid_draft_2020_12_schema(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(GeneratedFile.PathOf(path)));

        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, Describe(results));
    }

    // The host section is the host's to write (tests/Host.Tests checks `manifest` prints the committed file); here it is taken
    // from the committed file, so this test checks everything the connector's descriptor decides.
    private static JsonObject Generate() =>
        ConnectorManifest.Build(AliyunDirectMailMetadata.Source.Descriptor, CommittedHostSection(ManifestPath));

    internal static ConnectorManifestHost CommittedHostSection(string manifestPath)
    {
        var host = JsonNode.Parse(File.ReadAllText(GeneratedFile.PathOf(manifestPath)))!["host"]!;
        return new ConnectorManifestHost(
            host["executables"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.GetValue<string>()),
            [.. host["args"]!.AsArray().Select(a => a!.GetValue<string>())],
            host["protocol"]!.GetValue<string>(),
            host["protocolVersion"]!.GetValue<string>());
    }

    private static EvaluationResults Evaluate(string schemaPath, string instance)
    {
        var schema = JsonSchema.FromText(
            File.ReadAllText(GeneratedFile.PathOf(schemaPath)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(instance);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "__remove__")
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing && key != "name")
            {
                Merge(existing, child);
            }
            else
            {
                patch.Remove(key);
                target[key] = value;
            }
        }
    }
}
