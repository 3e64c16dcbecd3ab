using System.Runtime.InteropServices;
using System.Text.Json;

namespace Logto.Connector.AliyunDirectMail;

/// <summary>
/// The bound configs of the last few distinct valid configs, keyed by their exact JSON bytes. Logto passes the same config
/// with every message, and validating it (schema evaluation and binding) was 18.6 KB of the 62 KB allocated per send
/// (measured, JIT); with the cache a repeated config costs one byte comparison. An invalid config is never cached, so it is
/// refused with its issues on every call.
/// </summary>
internal sealed class AliyunDirectMailConfigCache(int capacity = 8)
{
    private readonly Lock gate = new();
    private readonly LinkedList<(byte[] Json, AliyunDirectMailConfig Config)> recent = [];

    public AliyunDirectMailConfig GetOrParse(JsonElement config)
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

        var parsed = AliyunDirectMailConfigValidator.Parse(config);
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
