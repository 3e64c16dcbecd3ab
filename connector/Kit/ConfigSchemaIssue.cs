using System.Text.Json;
using System.Text.Json.Nodes;

namespace Logto.ConnectorKit;

/// <summary>
/// One failed rule of a config schema, shaped like a zod issue (<c>code</c>, <c>message</c>, <c>path</c>, indices as numbers),
/// plus where it came from: the <c>Keyword</c> that failed and the schema object holding it (<c>Schema</c>, at the JSON
/// Pointer <c>SchemaPath</c>). The message never contains the config value.
/// </summary>
public sealed record ConfigSchemaIssue(string Code, string Message, JsonArray Path, string Keyword, JsonObject Schema, string SchemaPath)
{
    public JsonObject ToJson() => new() { ["code"] = Code, ["message"] = Message, ["path"] = Path.DeepClone() };

    /// <summary>
    /// By path (element by element: names before indices, names ordinally, indices numerically, a shorter path first),
    /// then code, then message.
    /// </summary>
    public static int Compare(ConfigSchemaIssue a, ConfigSchemaIssue b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        for (var i = 0; i < Math.Min(a.Path.Count, b.Path.Count); i++)
        {
            var x = a.Path[i]!;
            var y = b.Path[i]!;
            var byKind = x.GetValueKind().CompareTo(y.GetValueKind());
            var bySegment = byKind != 0 ? byKind
                : x.GetValueKind() == JsonValueKind.Number ? x.GetValue<int>().CompareTo(y.GetValue<int>())
                : string.CompareOrdinal(x.GetValue<string>(), y.GetValue<string>());
            if (bySegment != 0)
            {
                return bySegment;
            }
        }

        var byLength = a.Path.Count.CompareTo(b.Path.Count);
        var byCode = byLength != 0 ? byLength : string.CompareOrdinal(a.Code, b.Code);
        return byCode != 0 ? byCode : string.CompareOrdinal(a.Message, b.Message);
    }
}
