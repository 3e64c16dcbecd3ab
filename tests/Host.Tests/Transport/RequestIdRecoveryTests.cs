using System.Text;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorHost.Transport;

namespace Host.Tests.Transport;

public sealed class RequestIdRecoveryTests
{
    public static TheoryData<string, string?> Cases() => new()
    {
        { """{"jsonrpc":"2.0","id":7,"method":"x","params":{bad""", "7" },
        { """{"id":"abc","params":[1,2,""", "\"abc\"" },
        { """{"method":"x","params":{"id":99,"deep":""" + new string('[', 5000), null },
        { """{"params":""" + new string('[', 5000) + new string(']', 5000) + ""","id":5}""", "5" },
        { """{"params":{"id":3},"id":4,""", "4" },
        { "{\"id\":1.5,\"method\":\"x\"", null },
        { """{"id":null}""", null },
        { """[{"id":1}]""", null },
        { "not json", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryRecover_finds_the_top_level_id_before_the_first_problem(string json, string? expected)
    {
        var id = RequestIdRecovery.TryRecover(Encoding.UTF8.GetBytes(json).AsMemory());

        Assert.Equal(expected, id?.ToString());
    }

    [Fact]
    public void RequestIds_of_different_kinds_are_different_keys()
    {
        Assert.NotEqual(new RequestId(1), new RequestId("1"));
        Assert.Equal(new RequestId("1"), new RequestId("1"));
    }
}
