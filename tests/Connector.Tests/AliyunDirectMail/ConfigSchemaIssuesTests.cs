using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Logto.Connector.AliyunDirectMail;

namespace Connector.Tests.AliyunDirectMail;

public sealed class ConfigSchemaIssuesTests
{
    private const string SchemaJson = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "mode": { "const": "strict" },
            "name": { "type": "string", "minLength": 3 },
            "rows": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
            "tags": { "type": "array", "contains": { "const": "main" } }
          }
        }
        """;

    [Fact]
    public void Collect_maps_const_to_invalid_literal_with_the_expected_value()
    {
        Assert.Equal("""[{"code":"invalid_literal","message":"Invalid literal value, expected \u0022strict\u0022","path":["mode"]}]""", Issues("""{"mode":"loose"}"""));
    }

    [Fact]
    public void Collect_names_a_keyword_it_has_no_message_for_without_quoting_the_value()
    {
        Assert.Equal("""[{"code":"custom","message":"Does not satisfy \u0027minLength\u0027","path":["name"]}]""", Issues("""{"name":"ab"}"""));
    }

    [Fact]
    public void Collect_finds_the_schema_of_nested_array_items_despite_the_doubled_items_segment()
    {
        Assert.Equal("""[{"code":"invalid_type","message":"Expected integer, received string","path":["rows",1,0]}]""", Issues("""{"rows":[[1],["x"]]}"""));
    }

    [Fact]
    public void Collect_reports_a_failed_contains_once_and_not_each_item_it_tried()
    {
        Assert.Equal("""[{"code":"custom","message":"Must contain at least one matching item","path":["tags"]}]""", Issues("""{"tags":["a","b","c"]}"""));
    }

    [Fact]
    public void Collect_sorts_array_indices_numerically()
    {
        var issues = JsonNode.Parse(Issues("""{"rows":[[0,0,"a"],[0],[0],[0],[0],[0],[0],[0],[0],[0],["b"]]}"""))!.AsArray();

        Assert.Equal(["rows/0/2", "rows/10/0"], issues.Select(i => string.Join('/', i!["path"]!.AsArray().Select(p => p!.ToString()))));
    }

    private static string Issues(string json)
    {
        var schema = JsonSchema.FromText(SchemaJson, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var issues = ConfigSchemaIssues.Collect(results, document.RootElement, JsonNode.Parse(SchemaJson)!.AsObject());
        return new JsonArray([.. issues.Select(i => (JsonNode)i.ToJson())]).ToJsonString();
    }
}
