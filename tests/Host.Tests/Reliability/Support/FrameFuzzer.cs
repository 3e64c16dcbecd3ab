using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Host.Tests.Reliability.Support;

/// <summary>
/// A seeded stream of fuzz items: valid requests (in every header and body variant the protocol tolerates, alone or in
/// batches, some written one byte per flush), valid JSON with hostile content (<see cref="HostileRequests"/>), broken
/// frames and junk (<see cref="FrameMutations"/>), and a run of one request split at every byte. The same seed gives the
/// same stream.
/// </summary>
internal sealed class FrameFuzzer(int seed, FuzzRequests requests, long maxFrameBytes)
{
    private static readonly JsonSerializerOptions CrLfIndented = new() { WriteIndented = true, NewLine = "\r\n" };

    /// <summary>Header variants that a reader must accept. The lower-case ones do not follow a malformed item: resynchronising
    /// looks for the exact <c>Content-Length:</c> (as documented on the host's frame reader).</summary>
    private static readonly (string Header, bool CaseExact)[] HeaderVariants =
    [
        ("Content-Length: {0}\r\n\r\n", true),
        ("Content-Length: {0}\r\n\r\n", true),
        ("Content-Length: {0}\r\n\r\n", true),
        ("content-length: {0}\r\n\r\n", false),
        ("CONTENT-LENGTH: {0}\r\n\r\n", false),
        ("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {0}\r\n\r\n", true),
        ("Content-Length: {0}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", true),
        ("Content-Length: {0}\n\n", true),
        ("Content-Length: {0}\n\r\n", true),
        ("Content-Length:\t  {0} \t\r\n\r\n", true),
        ("Content-Length:{0}\r\n\r\n", true),
        ("\r\n\r\nContent-Length: {0}\r\n\r\n", true),
        ("Content-Length: {0}\r\nX-Anything: ignored\r\n\r\n", true),
    ];

    private readonly Random random = new(seed);
    private readonly int totalWeight = FrameMutations.All.Sum(mutation => mutation.Weight);
    private readonly HostileRequests hostile = new(requests);
    private int serial;
    private bool afterMalformed;

    public IEnumerable<FuzzItem> Generate(int count)
    {
        // One request, split once at every byte position.
        var (probe, _) = requests.Next(new Random(seed), 0);
        var splitRun = Math.Min(count / 4, Encoding.UTF8.GetByteCount(probe.ToJsonString()) + 24);
        for (var at = 1; at <= splitRun; at++)
        {
            var item = ValidItem(canonical: true);
            yield return item with { Category = "split at byte " + at, SplitPoints = [Math.Min(at, item.Bytes.Length - 1)] };
        }

        for (var i = splitRun; i < count; i++)
        {
            var item = random.Next(100) switch
            {
                < 28 => ValidItem(canonical: afterMalformed),
                < 42 => HostileItem(),
                < 44 => HostileBatchItem(),
                < 48 => BatchItem(),
                < 50 => NotificationItem(),
                _ => MalformedItem(),
            };
            afterMalformed = item.Malformed;
            yield return item;
        }
    }

    private FuzzItem ValidItem(bool canonical)
    {
        var (message, expected) = requests.Next(random, ++serial);
        var (bytes, variant) = Encode(message, canonical);
        return new FuzzItem("valid: " + expected.Kind + variant, bytes, Splits(bytes.Length), [expected]);
    }

    private FuzzItem BatchItem()
    {
        var members = new JsonArray();
        var expected = new List<ExpectedAnswer>();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var (message, answer) = requests.Next(random, ++serial);
            members.Add(message);
            expected.Add(answer);
        }

        if (random.Next(3) == 0)
        {
            members.Add(FuzzRequests.Notification(random));
        }

        var (bytes, variant) = Encode(members, afterMalformed);
        return new FuzzItem($"valid: batch of {members.Count}{variant}", bytes, Splits(bytes.Length), expected);
    }

    private FuzzItem NotificationItem()
    {
        if (random.Next(2) == 0)
        {
            var cancel = Frame(Encoding.UTF8.GetBytes(HostileRequests.CancelNotification(random)));
            return new FuzzItem("notification: hostile cancel", cancel, Splits(cancel.Length), []);
        }

        var (bytes, variant) = Encode(FuzzRequests.Notification(random), afterMalformed);
        return new FuzzItem("notification" + variant, bytes, Splits(bytes.Length), []);
    }

    private FuzzItem HostileItem()
    {
        var (json, category, expected, nullIds) = hostile.Next(random, ++serial);
        var bytes = Frame(Encoding.UTF8.GetBytes(json));
        return new FuzzItem(category, bytes, Splits(bytes.Length), expected, nullIds);
    }

    private FuzzItem HostileBatchItem()
    {
        var members = new List<string>();
        var expected = new List<ExpectedAnswer>();
        var nullIds = 0;
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var (json, _, answers, unheld) = hostile.Next(random, ++serial, inBatch: true);
            members.Add(json);
            expected.AddRange(answers);
            nullIds += unheld;
        }

        var bytes = Frame(Encoding.UTF8.GetBytes("[" + string.Join(",", members) + "]"));
        return new FuzzItem($"hostile: batch of {members.Count}", bytes, Splits(bytes.Length), expected, nullIds);
    }

    private static byte[] Frame(byte[] body) =>
        [
            .. Encoding.ASCII.GetBytes(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")),
            .. body,
        ];

    private FuzzItem MalformedItem()
    {
        var pick = random.Next(totalWeight);
        foreach (var (name, weight, build) in FrameMutations.All)
        {
            if (pick < weight)
            {
                var victim = Encoding.UTF8.GetBytes(requests.Victim(random, ++serial).ToJsonString());
                var bytes = build(random, victim, maxFrameBytes);
                return new FuzzItem("malformed: " + name, bytes, Splits(bytes.Length), []);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("weights");
    }

    private (byte[] Bytes, string Variant) Encode(JsonNode message, bool canonical)
    {
        var variants = new List<string>();
        byte[] body;
        switch (random.Next(10))
        {
            case 0:
                body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(message.ToJsonString())];
                variants.Add("BOM body");
                break;
            case 1:
                body = Encoding.UTF8.GetBytes(message.ToJsonString(CrLfIndented));
                variants.Add("CRLF-indented body");
                break;
            default:
                body = Encoding.UTF8.GetBytes(message.ToJsonString());
                break;
        }

        var (header, caseExact) = HeaderVariants[random.Next(HeaderVariants.Length)];
        while (canonical && !caseExact)
        {
            (header, caseExact) = HeaderVariants[random.Next(HeaderVariants.Length)];
        }

        if (header != HeaderVariants[0].Header)
        {
            variants.Add("header " + header.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
        }

        var headerText = string.Format(System.Globalization.CultureInfo.InvariantCulture, header, body.Length);
        var bytes = Encoding.ASCII.GetBytes(headerText).Concat(body).ToArray();
        return (bytes, variants.Count == 0 ? "" : $" ({string.Join(", ", variants)})");
    }

    /// <summary>Mostly one write; else random cuts; small items sometimes one byte per write.</summary>
    private int[] Splits(int length)
    {
        var mode = random.Next(20);
        if (length <= 1 || mode < 13)
        {
            return [];
        }

        if (mode < 15 && length < 4096)
        {
            return [.. Enumerable.Range(1, length - 1)];
        }

        return [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(1, length)).Distinct().Order()];
    }
}
