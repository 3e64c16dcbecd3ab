using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// Reads LSP frames (Content-Length header, blank line, JSON body) from stdin until it closes. Each `sendMessage` request
// (the host's params: to, type, payload, config) becomes one signed Aliyun Direct Mail SingleSendMail POST, started at once
// so requests run concurrently like the host's; its answer becomes a JSON-RPC result ({EnvId, RequestId}) or error frame.
// Any other method is answered with an empty result. The least a Native AOT .NET program does for the host's sends.
using var input = Console.OpenStandardInput();
var output = Console.OpenStandardOutput();
var outputGate = new Lock();
using var http = new HttpClient(new SocketsHttpHandler
{
    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    AllowAutoRedirect = false,
});

var buffer = new byte[64 * 1024];
var start = 0;
var end = 0;
while (true)
{
    int headerEnd;
    while ((headerEnd = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
    {
        if (!Fill())
        {
            return 0;
        }
    }

    var length = ContentLength(Encoding.ASCII.GetString(buffer, start, headerEnd));
    var frameLength = headerEnd + 4 + length;
    while (end - start < frameLength)
    {
        if (!Fill())
        {
            return 0;
        }
    }

    Dispatch(buffer.AsMemory(start + headerEnd + 4, length));
    start += frameLength;
}

// Moves unread bytes to the front (growing the buffer when it is full of one frame) and reads more; false at end of input.
bool Fill()
{
    if (start > 0)
    {
        buffer.AsSpan(start, end - start).CopyTo(buffer);
        end -= start;
        start = 0;
    }

    if (end == buffer.Length)
    {
        Array.Resize(ref buffer, buffer.Length * 2);
    }

    var read = input.Read(buffer, end, buffer.Length - end);
    end += read;
    return read > 0;
}

void Dispatch(ReadOnlyMemory<byte> body)
{
    using var request = JsonDocument.Parse(body);
    var root = request.RootElement;
    var id = root.GetProperty("id").GetInt64();
    if (root.GetProperty("method").GetString() != "sendMessage")
    {
        Answer(id, static writer =>
        {
            writer.WriteStartObject("result");
            writer.WriteEndObject();
        });
        return;
    }

    var call = root.GetProperty("params");
    var config = call.GetProperty("config");
    var type = call.GetProperty("type").GetString();
    var payload = call.GetProperty("payload");
    var template = config.GetProperty("templates").EnumerateArray()
        .First(t => t.GetProperty("usageType").GetString() == type);
    var form = new List<KeyValuePair<string, string>>(16)
    {
        new("Action", "SingleSendMail"),
        new("Format", "json"),
        new("SignatureMethod", "HMAC-SHA1"),
        new("SignatureVersion", "1.0"),
        new("Version", "2015-11-23"),
        new("AccessKeyId", config.GetProperty("accessKeyId").GetString()!),
        new("AccountName", config.GetProperty("accountName").GetString()!),
        new("ReplyToAddress", "false"),
        new("AddressType", "1"),
        new("ToAddress", call.GetProperty("to").GetString()!),
        new("Subject", Render(template.GetProperty("subject").GetString()!, payload)),
        new("HtmlBody", Render(template.GetProperty("content").GetString()!, payload)),
        new("RegionId", "cn-hangzhou"),
        new("SignatureNonce", Guid.NewGuid().ToString("D")),
        new("Timestamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
    };
    form.Add(new("Signature", Sign(form, config.GetProperty("accessKeySecret").GetString()!)));
    _ = SendAsync(id, new Uri(config.GetProperty("endpoint").GetString()!), form);
}

async Task SendAsync(long id, Uri endpoint, List<KeyValuePair<string, string>> form)
{
    try
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(endpoint, content).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var (envId, requestId, code) = ReadAnswer(body);
        if (response.IsSuccessStatusCode && envId is not null && requestId is not null)
        {
            Answer(id, writer =>
            {
                writer.WriteStartObject("result");
                writer.WriteString("EnvId", envId);
                writer.WriteString("RequestId", requestId);
                writer.WriteEndObject();
            });
        }
        else
        {
            Fail(id, $"Aliyun answered HTTP {(int)response.StatusCode} {code}");
        }
    }
    catch (HttpRequestException exception)
    {
        Fail(id, exception.Message);
    }
}

void Fail(long id, string message) => Answer(id, writer =>
{
    writer.WriteStartObject("error");
    writer.WriteNumber("code", -32000);
    writer.WriteString("message", message);
    writer.WriteEndObject();
});

// One frame per answer, written whole under a lock: answers of concurrent sends never interleave.
void Answer(long id, Action<Utf8JsonWriter> writeMember)
{
    var json = new ArrayBufferWriter<byte>(256);
    using (var writer = new Utf8JsonWriter(json))
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writeMember(writer);
        writer.WriteEndObject();
    }

    var header = Encoding.ASCII.GetBytes($"Content-Length: {json.WrittenCount}\r\n\r\n");
    lock (outputGate)
    {
        output.Write(header);
        output.Write(json.WrittenSpan);
    }
}

static int ContentLength(string header)
{
    const string Prefix = "Content-Length:";
    var from = header.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase) + Prefix.Length;
    var to = header.IndexOf('\r', from);
    return int.Parse(header.AsSpan(from, (to < 0 ? header.Length : to) - from).Trim(), CultureInfo.InvariantCulture);
}

// Handlebars' {{dotted.path}} looked up in the payload (no helpers, no escaping: enough for the benchmark's templates).
static string Render(string template, JsonElement payload)
{
    var text = new StringBuilder(template.Length + 32);
    var at = 0;
    int open;
    while ((open = template.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
    {
        var close = template.IndexOf("}}", open, StringComparison.Ordinal);
        text.Append(template, at, open - at);
        var value = payload;
        foreach (var name in template[(open + 2)..close].Trim().Split('.'))
        {
            value = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) ? member : default;
        }

        text.Append(value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        });
        at = close + 2;
    }

    return text.Append(template, at, template.Length - at).ToString();
}

// Aliyun's RPC signature V1: HMAC-SHA1 keyed with secret + "&" over POST&%2F&escape(canonical query), where the canonical
// query is the parameters sorted by name (ordinal), each name and value escaped (Uri.EscapeDataString is Aliyun's rule).
static string Sign(List<KeyValuePair<string, string>> form, string secret)
{
    var sorted = form.ToArray();
    Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
    var canonical = new StringBuilder(1024);
    foreach (var (name, value) in sorted)
    {
        canonical.Append(canonical.Length > 0 ? "&" : "")
            .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    var text = Encoding.ASCII.GetBytes("POST&%2F&" + Uri.EscapeDataString(canonical.ToString()));
    // HMAC-SHA1 is what Aliyun's V1 RPC signature specifies; it is not our choice of primitive.
#pragma warning disable CA5350
    return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), text));
#pragma warning restore CA5350
}

// EnvId and RequestId of a success, Code of an Aliyun error: top-level string members, the rest skipped.
static (string? EnvId, string? RequestId, string? Code) ReadAnswer(byte[] body)
{
    string? envId = null, requestId = null, code = null;
    var reader = new Utf8JsonReader(body);
    try
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            (envId, requestId, code) = name switch
            {
                "EnvId" => (value, requestId, code),
                "RequestId" => (envId, value, code),
                "Code" => (envId, requestId, value),
                _ => (envId, requestId, code),
            };
        }
    }
    catch (JsonException)
    {
        return (null, null, "(not JSON)");
    }

    return (envId, requestId, code);
}
