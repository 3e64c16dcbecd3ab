using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

public class JsNumberTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1d, "1")]
    [InlineData(-1d, "-1")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-1.25e-7, "-1.25e-7")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void ToString_prints_like_ecmascript_number_to_string(double value, string expected) =>
        Assert.Equal(expected, JsNumber.ToString(value));

    [Fact]
    public void ToString_prints_negative_zero_as_zero() => Assert.Equal("0", JsNumber.ToString(-0d));
}
