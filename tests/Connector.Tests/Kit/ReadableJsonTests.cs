using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

public sealed class ReadableJsonTests
{
    [Fact]
    public void A_node_is_indented_with_LF_keeps_its_text_readable_and_ends_with_a_newline()
    {
        var text = ReadableJson.Format(new JsonObject { ["name"] = "Démo <SMS> & 中文", ["n"] = new JsonArray(1) });

        Assert.Equal("{\n  \"name\": \"Démo <SMS> & 中文\",\n  \"n\": [\n    1\n  ]\n}\n", text);
    }

    [Fact]
    public void An_element_reads_as_the_same_node_does()
    {
        using var document = JsonDocument.Parse("""{"name":"Démo <SMS> & 中文","n":[1]}""");

        Assert.Equal(ReadableJson.Format(JsonNode.Parse(document.RootElement.GetRawText())!), ReadableJson.Format(document.RootElement));
    }
}
