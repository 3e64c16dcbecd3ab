using System.Text.Json;
using Logto.ConnectorHost.Connectors;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Protocol;

namespace Host.Tests.Connectors;

/// <summary>initialize's params read by hand give what the source-generated binder gives: the same values or the same error.</summary>
public sealed class InitializeParamsReaderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("""{"protocolVersion":"1"}""")]
    [InlineData("""{"protocolVersion":"1","client":{"name":"logto","version":"1.2"}}""")]
    [InlineData("""{"client":{"name":"logto","version":"1.2"},"protocolVersion":"2","extra":[1]}""")]
    [InlineData("""{"protocolVersion":"1","client":null}""")]
    [InlineData("""{"protocolVersion":"1","protocolVersion":"2"}""")]
    [InlineData("""{"protocolVersion":5,"protocolVersion":"2"}""")]
    [InlineData("""{"protocolVersion":"\u0031","client":{"name":"\u00e9","version":"x","more":1}}""")]
    [InlineData("""{"protocolVersion":null}""")]
    [InlineData("""{"protocolVersion":1e400}""")]
    [InlineData("""{"protocolVersion":"\ud800"}""")]
    [InlineData("""{"protocolVersion":"1","client":{"name":"\ud800","version":"1"}}""")]
    [InlineData("""{"protocolVersion":"1","client":{"name":"a"}}""")]
    [InlineData("""{"protocolVersion":"1","client":{"version":"1"}}""")]
    [InlineData("""{"protocolVersion":"1","client":{"name":null,"version":"1"}}""")]
    [InlineData("""{"protocolVersion":"1","client":{"name":"a","version":2}}""")]
    [InlineData("""{"protocolVersion":"1","client":"logto"}""")]
    [InlineData("""{"client":5,"protocolVersion":5}""")]
    [InlineData("""{"protocolVersion":5,"client":5}""")]
    [InlineData("""{"client":{"name":"a","version":"1"}}""")]
    [InlineData("""{"ProtocolVersion":"1"}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""["1"]""")]
    [InlineData("\"1\"")]
    public void Reads_what_the_binder_reads(string? json)
    {
        using var document = json is null ? null : JsonDocument.Parse(json);
        JsonElement? parameters = document?.RootElement;

        var expected = Outcome(() => ParamsBinder.Bind(parameters, HostJsonContext.Wire.InitializeParams));
        var actual = Outcome(() => InitializeParamsReader.Read(parameters));

        Assert.Equal(expected, actual);
    }

    private static string Outcome(Func<InitializeParams> read)
    {
        try
        {
            var bound = read();
            return $"{bound.ProtocolVersion}|{bound.Client?.Name}|{bound.Client?.Version}|{bound.Client is null}";
        }
        catch (JsonRpcException exception)
        {
            return $"{exception.Code} {exception.Message} {exception.ErrorData?.GetRawText()}";
        }
    }
}
