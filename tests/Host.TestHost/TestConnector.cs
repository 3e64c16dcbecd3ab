using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.ConnectorKit;

namespace Host.TestHost;

/// <summary>
/// A controllable connector: <c>payload.behavior</c> picks what <c>sendMessage</c> does (echo, delay, http, connector-error,
/// bug, ignore-cancel, slow-provider, spin, block-threads, undefined, native-stdout). It writes to <see cref="Console.Out"/> in
/// its constructor and in every call, as a careless connector would, and with native-stdout to file descriptor 1 itself; the
/// host must keep stdout clean anyway.
/// </summary>
internal sealed class TestConnector : IConnector
{
    public const string Id = "test";

    private readonly IHttpClientFactory httpClientFactory;

    public TestConnector(IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider); // proves AddConnectorHost registers it
        this.httpClientFactory = httpClientFactory;
        Console.WriteLine("stray stdout from the test connector's constructor");
        Console.Out.Write("Content-Length: 3\r\n\r\n{}}");
        Console.Out.Flush();
    }

    public ConnectorDescriptor Descriptor { get; } = new(
        Id,
        "Email",
        new JsonObject { ["id"] = Id, ["name"] = new JsonObject { ["en"] = "Test" } },
        new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("apiKey"),
            ["properties"] = new JsonObject
            {
                ["apiKey"] = new JsonObject { ["type"] = "string" },
                ["apiSecret"] = new JsonObject { ["type"] = "string" },
                ["opaque"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
                ["url"] = new JsonObject { ["type"] = "string" },
            },
        });

    public void ValidateConfig(JsonElement config)
    {
        Console.WriteLine("stray stdout from validateConfig");
        if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty("apiKey", out var key)
            || key.ValueKind != JsonValueKind.String || key.GetString()!.Length == 0)
        {
            throw new ConnectorException(ConnectorErrorCode.InvalidConfig, new JsonObject { ["paths"] = new JsonArray("apiKey") });
        }
    }

    public async Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken)
    {
        Console.WriteLine("stray stdout from sendMessage");
        ValidateConfig(request.Config);
        var payload = request.Data.Payload;
        var behavior = payload.TryGetProperty("behavior", out var value) ? value.GetString() : "echo";
        var delay = payload.TryGetProperty("delayMs", out var ms) ? ms.GetInt32() : 0;
        switch (behavior)
        {
            case "delay":
                await Task.Delay(delay, cancellationToken);
                return Json(new JsonObject { ["delayed"] = delay });
            case "ignore-cancel":
                await Task.Delay(delay, CancellationToken.None);
                return Json(new JsonObject { ["delayed"] = delay });
            case "slow-provider":
                // A provider that answers after delayMs through a blocking client: holds a pool thread the whole time.
                Thread.Sleep(delay);
                return Json(new JsonObject { ["delayed"] = delay });
            case "spin":
                ThreadPoolBlocker.Spin();
                return default;
            case "block-threads":
                // delayMs = 0: forever (a wedged host); otherwise a saturated pool that recovers (a slow, healthy host).
                await ThreadPoolBlocker.BlockAllAsync(delay == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(delay));
                return Json(new JsonObject { ["blocked"] = delay });
            case "http":
                return await CallAsync(request, payload.GetProperty("path").GetString()!, cancellationToken);
            case "connector-error":
                throw new ConnectorException(ConnectorErrorCode.General, new JsonObject
                {
                    ["errorDescription"] = $"upstream refused key {Config(request, "apiSecret")}",
                    ["opaque"] = Config(request, "opaque"),
                    ["nested"] = new JsonArray(Config(request, "apiSecret")),
                });
            case "rate-limit":
                throw new ConnectorException(ConnectorErrorCode.RateLimitExceeded, "slow down");
            case "bug":
                throw new InvalidOperationException($"a bug that leaks {Config(request, "apiSecret")} and {Config(request, "opaque")}");
            case "undefined":
                return default;
            case "native-stdout":
                NativeStdout.Write("native write to fd 1\nContent-Length: 2\r\n\r\n{}");
                return Json(new JsonObject { ["native"] = true });
            default:
                return Json(new JsonObject
                {
                    ["connector"] = Id,
                    ["to"] = request.Data.To,
                    ["type"] = request.Data.Type.ToString(),
                    ["payload"] = JsonNode.Parse(payload.GetRawText()),
                    ["ip"] = request.Data.Ip,
                    ["templateSubject"] = request.Template?.Subject,
                });
        }
    }

    private async Task<JsonElement> CallAsync(SendMessageCall request, string path, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient();
        using var response = await client.GetAsync(new Uri(new Uri(Config(request, "url")), path), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Json(new JsonObject { ["status"] = (int)response.StatusCode, ["body"] = body });
    }

    private static string Config(SendMessageCall request, string name) =>
        request.Config.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static JsonElement Json(JsonObject node) => JsonSerializer.SerializeToElement(node);
}
