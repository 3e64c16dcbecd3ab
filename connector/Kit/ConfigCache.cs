using System.Runtime.InteropServices;
using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>
/// The bound configs of the last few distinct valid configs, keyed by their exact JSON bytes. Logto passes the same config
/// with every message, so validating and binding it on every send would be most of a send's allocations; with the cache a
/// repeated config costs one byte comparison. An invalid config is never cached: it is refused with its issues on every call.
/// </summary>
/// <param name="parse">Validates and binds a config; throws <see cref="ConnectorException"/> for an invalid one.</param>
public sealed class ConfigCache<TConfig>(Func<JsonElement, TConfig> parse, int capacity = 8)
    where TConfig : class
{
    private readonly Lock gate = new();
    private readonly LinkedList<(byte[] Json, TConfig Config)> recent = [];

    public TConfig GetOrParse(JsonElement config)
    {
        var json = JsonMarshal.GetRawUtf8Value(config);
        lock (gate)
        {
            for (var node = recent.First; node is not null; node = node.Next)
            {
                if (json.SequenceEqual(node.Value.Json))
                {
                    recent.Remove(node);
                    recent.AddFirst(node);
                    return node.Value.Config;
                }
            }
        }

        var parsed = parse(config);
        var entry = (json.ToArray(), parsed);
        lock (gate)
        {
            recent.AddFirst(entry);
            if (recent.Count > capacity)
            {
                recent.RemoveLast();
            }
        }

        return parsed;
    }
}
