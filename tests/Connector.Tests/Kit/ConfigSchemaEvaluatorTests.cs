using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

public sealed class ConfigSchemaEvaluatorTests
{
    private const string SchemaJson = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "test",
          "type": "object",
          "required": ["id"],
          "properties": {
            "id": { "type": "string", "description": "annotated", "x-tooltip": "ignored", "writeOnly": true },
            "mode": { "const": "strict" },
            "level": { "enum": ["low", 2, null], "default": "low", "examples": ["low"] },
            "either": { "type": ["string", "integer"] },
            "url": { "type": "string", "format": "uri", "pattern": "^https?://" },
            "rows": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
            "tags": { "type": "array", "allOf": [{ "contains": { "const": "main" } }, { "contains": { "const": "extra" } }] }
          }
        }
        """;

    private static readonly ConfigSchemaPattern HttpUrl = new(
        "^https?://",
        text => text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal));

    private static readonly ConfigSchemaEvaluator Evaluator = ConfigSchemaEvaluator.Load(JsonNode.Parse(SchemaJson)!.AsObject(), [HttpUrl]);

    [Fact]
    public void Evaluate_finds_no_issue_in_a_valid_instance()
    {
        var valid =
            """{"id":"a","mode":"strict","level":2,"either":3,"url":"https://x.test/","rows":[[1,2]],"tags":["extra","main"],"other":1}""";

        Assert.Equal("[]", Issues(valid));
    }

    [Fact]
    public void Evaluate_reports_a_missing_required_key_at_its_path()
    {
        Assert.Equal("""[{"code":"invalid_type","message":"Required","path":["id"]}]""", Issues("{}"));
    }

    [Fact]
    public void Evaluate_reports_only_the_type_when_an_object_schema_meets_another_type()
    {
        Assert.Equal("""[{"code":"invalid_type","message":"Expected object, received array","path":[]}]""", Issues("""["id"]"""));
    }

    [Fact]
    public void Evaluate_lists_every_allowed_type_and_tells_integer_from_number()
    {
        Assert.Equal(
            """[{"code":"invalid_type","message":"Expected string | integer, received number","path":["either"]}]""",
            Issues("""{"id":"a","either":1.5}"""));
    }

    [Fact]
    public void Evaluate_maps_const_to_invalid_literal_with_the_expected_value()
    {
        Assert.Equal(
            """[{"code":"invalid_literal","message":"Invalid literal value, expected \u0022strict\u0022","path":["mode"]}]""",
            Issues("""{"id":"a","mode":"loose"}"""));
    }

    [Fact]
    public void Evaluate_maps_enum_to_invalid_enum_value_listing_the_options_as_zod_prints_them()
    {
        Assert.Equal(
            """[{"code":"invalid_enum_value","message":"Invalid enum value. Expected \u0027low\u0027 | 2 | null","path":["level"]}]""",
            Issues("""{"id":"a","level":"2"}"""));
    }

    [Theory]
    [InlineData("https://dm.aliyuncs.com/", "")]
    [InlineData("ftp://dm.aliyuncs.com/", "pattern")]
    [InlineData("dm.aliyuncs.com", "format,pattern")]
    [InlineData("https://dm aliyuncs.com/", "format")]
    [InlineData("", "format,pattern")]
    public void Evaluate_checks_format_uri_as_an_absolute_uri_and_the_pattern_separately(string url, string failedKeywords)
    {
        var issues = Evaluator.Evaluate(Parse(new JsonObject { ["id"] = "a", ["url"] = url }.ToJsonString()));

        Assert.Equal(failedKeywords, string.Join(',', issues.Select(i => i.Keyword).Order(StringComparer.Ordinal)));
        Assert.All(issues, i => Assert.DoesNotContain(url.Length > 0 ? url : "\u0000", i.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_reports_nested_array_items_at_numeric_indices()
    {
        Assert.Equal(
            """[{"code":"invalid_type","message":"Expected integer, received string","path":["rows",1,0]}]""",
            Issues("""{"id":"a","rows":[[1],["x"]]}"""));
    }

    [Fact]
    public void Evaluate_reports_a_failed_contains_once_and_not_each_item_it_tried()
    {
        Assert.Equal(
            """[{"code":"custom","message":"Must contain at least one matching item","path":["tags"]}]""",
            Issues("""{"id":"a","tags":["a","main","c"]}"""));
    }

    [Fact]
    public void Evaluate_tells_which_subschema_a_failed_keyword_belongs_to()
    {
        var issue = Assert.Single(Evaluator.Evaluate(Parse("""{"id":"a","tags":["main"]}""")));

        Assert.Equal(("contains", "/properties/tags/allOf/1"), (issue.Keyword, issue.SchemaPath));
        Assert.Equal("extra", issue.Schema["contains"]!["const"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_sorts_names_before_indices_and_indices_numerically()
    {
        var issues = JsonNode.Parse(Issues("""{"rows":[[0,0,"a"],[0],[0],[0],[0],[0],[0],[0],[0],[0],["b"]],"mode":1}"""))!.AsArray();

        Assert.Equal(
            ["id", "mode", "rows/0/2", "rows/10/0"],
            issues.Select(i => string.Join('/', i!["path"]!.AsArray().Select(p => p!.ToString()))));
    }

    [Theory]
    [InlineData("""{"type":"string","minLength":3}""", "keyword 'minLength' at '/minLength'")]
    [InlineData("""{"properties":{"a":{"anyOf":[]}}}""", "keyword 'anyOf' at '/properties/a/anyOf'")]
    [InlineData("""{"properties":{"a":{"format":"email"}}}""", "format 'email' at '/properties/a/format'")]
    [InlineData("""{"items":{"type":"date"}}""", "type 'date' at '/items/type'")]
    [InlineData("""{"items":true}""", "a schema that is not an object at '/items'")]
    [InlineData(
        """{"properties":{"a":{"$schema":"https://json-schema.org/draft/2020-12/schema"}}}""",
        "keyword '$schema' at '/properties/a/$schema'")]
    public void Load_refuses_a_schema_rule_it_cannot_evaluate_naming_it_and_where(string schema, string expected)
    {
        var error = Assert.Throws<NotSupportedException>(() => ConfigSchemaEvaluator.Load(JsonNode.Parse(schema)!.AsObject()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_a_pattern_it_was_given_no_compiled_check_for()
    {
        var schema = JsonNode.Parse("""{"properties":{"a":{"pattern":"^a+$"}}}""")!.AsObject();

        var error = Assert.Throws<NotSupportedException>(() => ConfigSchemaEvaluator.Load(schema, [HttpUrl]));

        Assert.Contains(
            "pattern '^a+$' without a compiled check (a ConfigSchemaPattern) at '/properties/a/pattern'",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_checks_a_pattern_with_its_compiled_check_and_names_the_pattern()
    {
        var schema = JsonNode.Parse("""{"properties":{"a":{"pattern":"^x"}}}""")!.AsObject();
        var seen = new List<string>();
        var startsWithX = new ConfigSchemaPattern("^x", text =>
        {
            seen.Add(text);
            return text.StartsWith('x');
        });
        var evaluator = ConfigSchemaEvaluator.Load(schema, [startsWithX]);

        var issues = evaluator.Evaluate(Parse("""{"a":"yes"}"""));

        Assert.Equal(["yes"], seen);
        Assert.Equal("Invalid: must match pattern ^x", Assert.Single(issues).Message);
        Assert.Empty(evaluator.Evaluate(Parse("""{"a":"xyz"}""")));
    }

    [Fact]
    public void Load_refuses_another_dialect()
    {
        var schema = new JsonObject { ["$schema"] = "http://json-schema.org/draft-07/schema#" };

        Assert.Throws<NotSupportedException>(() => ConfigSchemaEvaluator.Load(schema));
    }

    private static string Issues(string json) =>
        new JsonArray([.. Evaluator.Evaluate(Parse(json)).Select(i => (JsonNode)i.ToJson())]).ToJsonString();

    private static JsonElement Parse(string json) => JsonElement.Parse(json);
}
