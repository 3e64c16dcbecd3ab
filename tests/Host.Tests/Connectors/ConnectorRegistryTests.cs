using System.Text.Json.Nodes;
using Host.Tests.Support;
using Logto.ConnectorHost.Connectors;
using Logto.ConnectorHost.Dispatch;

namespace Host.Tests.Connectors;

public sealed class ConnectorRegistryTests
{
    [Fact]
    public void Two_connectors_with_one_id_are_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new ConnectorRegistry([new ScriptedConnector("same"), new ScriptedConnector("same")]));

        Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_needs_an_id_only_when_several_connectors_are_served()
    {
        var single = new ConnectorRegistry([new ScriptedConnector("one")]);
        var several = new ConnectorRegistry([new ScriptedConnector("one"), new ScriptedConnector("two")]);

        Assert.Equal("one", single.Resolve(null).Id);
        Assert.Equal("two", several.Resolve("two").Id);
        var missing = Assert.Throws<JsonRpcException>(() => several.Resolve(null));
        var unknown = Assert.Throws<JsonRpcException>(() => several.Resolve("three"));
        Assert.Equal(-32602, missing.Code);
        Assert.Equal(-32602, unknown.Code);
        Assert.Equal("""{"param":"connectorId","known":["one","two"]}""", unknown.ErrorData!.Value.GetRawText());
    }

    [Fact]
    public void The_secret_fields_are_found_in_the_descriptors_config_schema()
    {
        var schema = new JsonObject
        {
            ["properties"] = new JsonObject { ["token"] = new JsonObject { ["writeOnly"] = true }, ["name"] = new JsonObject() },
        };

        var registered = new ConnectorRegistry([new ScriptedConnector("one", configSchema: schema)]).Resolve("one");

        Assert.Equal(["token"], registered.SecretFields);
        Assert.Equal("one", registered.Descriptor.Metadata["id"]!.GetValue<string>());
    }
}
