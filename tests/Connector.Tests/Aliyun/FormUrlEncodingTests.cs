using Logto.Connector.Aliyun;

namespace Connector.Tests.Aliyun;

public class FormUrlEncodingTests
{
    [Theory]
    [InlineData("a b", "a+b")]
    [InlineData("*-._~", "*-._%7E")]
    [InlineData("AZaz09", "AZaz09")]
    [InlineData("!'()+/:@&=%", "%21%27%28%29%2B%2F%3A%40%26%3D%25")]
    [InlineData("é中🙂", "%C3%A9%E4%B8%AD%F0%9F%99%82")]
    [InlineData("<b>\r\n", "%3Cb%3E%0D%0A")]
    public void Encode_follows_the_whatwg_urlencoded_serializer(string value, string expected) =>
        Assert.Equal("k=" + expected, FormUrlEncoding.Encode([new("k", value)]));

    [Fact]
    public void Encode_writes_a_lone_surrogate_as_the_replacement_character()
    {
        var lone = new string((char)0xD800, 1);

        Assert.Equal("k=a%EF%BF%BDb", FormUrlEncoding.Encode([new("k", "a" + lone + "b")]));
    }

    [Fact]
    public void Encode_keeps_parameter_order_and_encodes_names()
    {
        Assert.Equal("b=1&a+b=2&a=", FormUrlEncoding.Encode([new("b", "1"), new("a b", "2"), new("a", "")]));
    }

    [Fact]
    public async Task Encode_differs_from_FormUrlEncodedContent_on_star_and_tilde()
    {
        using var content = new FormUrlEncodedContent([new("k", "*~")]);

        Assert.Equal("k=%2A~", await content.ReadAsStringAsync());
        Assert.Equal("k=*%7E", FormUrlEncoding.Encode([new("k", "*~")]));
    }
}
