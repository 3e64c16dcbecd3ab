using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

public sealed class ConnectorConfigFormTests
{
    [Theory]
    [InlineData("""{"type":"string"}""", "Text")]
    [InlineData("""{"type":["null","string"]}""", "Text")]
    [InlineData("""{"type":"string","x-multiline":true}""", "MultilineText")]
    [InlineData("""{"type":"integer"}""", "Number")]
    [InlineData("""{"type":"number"}""", "Number")]
    [InlineData("""{"type":"boolean"}""", "Switch")]
    [InlineData("""{"type":"string","enum":["a","b"]}""", "Select")]
    [InlineData("""{"type":"array","items":{"type":"string","enum":["a","b"]}}""", "MultiSelect")]
    [InlineData("""{"type":"array","items":{"type":"object"}}""", "Json")]
    [InlineData("""{"type":"object"}""", "Json")]
    [InlineData("""{}""", "Json")]
    public void FromSchema_maps_each_property_shape_to_its_Logto_item_type(string property, string expectedType)
    {
        var item = Single(property);

        Assert.Equal(expectedType, item["type"]!.GetValue<string>());
    }

    [Fact]
    public void FromSchema_maps_title_required_default_placeholder_description_and_tooltip()
    {
        var items = ConnectorConfigForm.FromSchema(Schema("""
            {"required":["host"],"properties":{
              "host":{"type":"string","title":"Host","default":"localhost","x-placeholder":"<host>","description":"Where to send.","x-tooltip":"No scheme."},
              "port":{"type":"integer"}}}
            """));

        var expected = JsonNode.Parse("""
            [{"key":"host","label":"Host","type":"Text","required":true,"placeholder":"<host>","defaultValue":"localhost","description":"Where to send.","tooltip":"No scheme."},
             {"key":"port","label":"port","type":"Number","required":false}]
            """)!;
        Assert.Equal(expected.ToJsonString(), items.ToJsonString());
    }

    [Fact]
    public void FromSchema_takes_the_first_string_example_as_placeholder_when_there_is_no_x_placeholder()
    {
        var item = Single("""{"type":"string","examples":["smtp.example.com"]}""");

        Assert.Equal("smtp.example.com", item["placeholder"]!.GetValue<string>());
    }

    [Fact]
    public void FromSchema_gives_Select_items_their_titles_falling_back_to_the_value()
    {
        var item = Single("""{"type":"string","enum":["a","b","c"],"x-enumTitles":["Alpha","Beta"]}""");

        Assert.Equal(
            """[{"value":"a","title":"Alpha"},{"value":"b","title":"Beta"},{"value":"c","title":"c"}]""",
            item["selectItems"]!.ToJsonString());
    }

    [Fact]
    public void FromSchema_gives_MultiSelect_items_values_only_as_Logto_expects()
    {
        var item = Single("""{"type":"array","items":{"enum":["x","y"],"x-enumTitles":["X","Y"]}}""");

        Assert.Equal("""[{"value":"x"},{"value":"y"}]""", item["selectItems"]!.ToJsonString());
    }

    [Fact]
    public void FromSchema_marks_a_write_only_string_as_confidential()
    {
        Assert.True(Single("""{"type":"string","writeOnly":true}""")["isConfidential"]!.GetValue<bool>());
        Assert.Null(Single("""{"type":"string"}""")["isConfidential"]);
    }

    [Theory]
    [InlineData("""{"type":"string","writeOnly":true,"x-multiline":true}""")]
    [InlineData("""{"type":"object","writeOnly":true}""")]
    public void FromSchema_refuses_a_secret_that_Logto_could_not_mask(string property)
    {
        var error = Assert.Throws<ArgumentException>(() => Single(property));

        Assert.Contains("only Text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSchema_keeps_the_schemas_property_order()
    {
        var items = ConnectorConfigForm.FromSchema(Schema("""{"properties":{"z":{},"a":{},"m":{}}}"""));

        Assert.Equal(["z", "a", "m"], items.Select(i => i!["key"]!.GetValue<string>()));
    }

    [Fact]
    public void FromSchema_copies_defaults_so_the_schema_stays_untouched()
    {
        var schema = Schema("""{"properties":{"list":{"type":"array","default":[{"a":1}]}}}""");

        var items = ConnectorConfigForm.FromSchema(schema);
        items[0]!["defaultValue"]![0]!["a"] = 2;

        Assert.Equal(1, schema["properties"]!["list"]!["default"]![0]!["a"]!.GetValue<int>());
    }

    [Fact]
    public void FromSchema_of_a_schema_without_properties_is_empty()
    {
        Assert.Empty(ConnectorConfigForm.FromSchema(Schema("""{"type":"object"}""")));
    }

    private static JsonObject Single(string property) =>
        ConnectorConfigForm.FromSchema(Schema($$$"""{"properties":{"field":{{{property}}}}}"""))[0]!.AsObject();

    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();
}
