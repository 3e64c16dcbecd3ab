using System.Text;
using System.Text.Json;

// Reads one LSP frame (Content-Length header, blank line, JSON body) from stdin and answers it with a JSON-RPC result
// carrying the request's id: the least a Native AOT .NET program does to answer `initialize`.
using var input = Console.OpenStandardInput();
using var output = Console.OpenStandardOutput();

var buffer = new byte[64 * 1024];
var filled = 0;
int headerEnd;
while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
{
    var read = input.Read(buffer, filled, buffer.Length - filled);
    if (read == 0)
    {
        return 1;
    }

    filled += read;
}

var header = Encoding.ASCII.GetString(buffer, 0, headerEnd);
const string Prefix = "Content-Length:";
var start = header.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase) + Prefix.Length;
var end = header.IndexOf('\r', start);
var length = int.Parse(
    header.AsSpan(start, (end < 0 ? header.Length : end) - start).Trim(), System.Globalization.CultureInfo.InvariantCulture);
var bodyStart = headerEnd + 4;
while (filled < bodyStart + length)
{
    var read = input.Read(buffer, filled, buffer.Length - filled);
    if (read == 0)
    {
        return 1;
    }

    filled += read;
}

var reader = new Utf8JsonReader(buffer.AsSpan(bodyStart, length));
long id = 0;
while (reader.Read())
{
    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
    {
        reader.Read();
        id = reader.GetInt64();
        break;
    }
}

var body = Encoding.UTF8.GetBytes(
    $$$"""{"jsonrpc":"2.0","id":{{{id}}},"result":""" +
    """{"protocolVersion":"1","host":{"name":"minimal-responder","version":"0"},"connectors":[]}}""");
output.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
output.Write(body);
output.Flush();

// Like the host: serve until the client closes stdin.
while (input.Read(buffer, 0, buffer.Length) > 0)
{
}

return 0;
