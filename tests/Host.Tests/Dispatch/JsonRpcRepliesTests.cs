using System.Text;
using System.Text.Json;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Protocol;

namespace Host.Tests.Dispatch;

/// <summary>Successes written by hand are the bytes the source-generated serializer writes for the same response.</summary>
public sealed class JsonRpcRepliesTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "7", """{"EnvId":"e-1","RequestId":"r"}""" },
        { "-9007199254740993", "{}" },
        { "\"a b\"", """[1,"<tag> & 'quote' é 😀",null,true,{"x":1.50}]""" },
        { "\"\\ud800x\"", "\"text\"" },
        { "\"\"", "0" },
        { "\"a+b <c> & 'd' `e`\"", "\"1.0.0+abc\"" },
        { "\"é 😀 \\u2028 \\u0001 \\\" \\\\\"", "{\"x\":\"\\u007f\"}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_success_is_written_as_the_serializer_writes_it(string idJson, string resultJson)
    {
        using var idDocument = JsonDocument.Parse(idJson);
        using var result = JsonDocument.Parse(resultJson);
        Assert.True(RequestId.TryRead(idDocument.RootElement, out var id));

        var expected = JsonSerializer.SerializeToUtf8Bytes(
            new JsonRpcResponse { Id = id, Result = result.RootElement }, HostJsonContext.Wire.JsonRpcResponse);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(JsonRpcReplies.Success(id, result.RootElement)));
        Assert.Equal(
            Encoding.UTF8.GetString(expected),
            Encoding.UTF8.GetString(JsonRpcReplies.Success(id, WrittenByTheHost(result.RootElement))));
    }

    [Fact]
    public void The_empty_result_is_the_serialized_EmptyResult()
    {
        var serialized = JsonSerializer.SerializeToUtf8Bytes(EmptyResult.Instance, HostJsonContext.Wire.EmptyResult);

        Assert.Equal(Encoding.UTF8.GetString(serialized), JsonRpcReplies.EmptyResult.GetRawText());
    }

    /// <summary>A result as the host writes its own (<c>initialize</c>'s): with the wire's encoder.</summary>
    private static byte[] WrittenByTheHost(JsonElement result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = HostJsonContext.Wire.Options.Encoder }))
        {
            result.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Every ASCII character alone and in text, and text beyond ASCII, as a writer with the wire's encoder writes it.</summary>
    [Fact]
    public void WireEncoding_writes_strings_as_the_wires_encoder_does()
    {
        var texts = Enumerable.Range(0, 128).Select(code => $"x{(char)code}y")
            .Concat(["", "0.1.0+da086f0", "aliyun-direct-mail-dotnet", "é", "😀", "\u2028", "<script>", new string('a', 300) + "+"]);

        foreach (var text in texts)
        {
            Assert.Equal(Written(writer => writer.WriteStringValue(text)), Written(writer => WireEncoding.WriteStringValue(writer, text)));
            Assert.Equal(
                Written(writer => writer.WriteStringValue(text)),
                Written(writer => WireEncoding.WriteStringValue(writer, text), WireEncoding.PlainWriterOptions));
        }
    }

    private static string Written(Action<Utf8JsonWriter> write, JsonWriterOptions? options = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options ?? WireEncoding.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
