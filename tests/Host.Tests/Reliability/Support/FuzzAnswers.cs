using System.Text.Json;
using System.Text.Json.Nodes;
using Host.Tests.Support;

namespace Host.Tests.Reliability.Support;

/// <summary>
/// The oracle of the fuzz run: every answer must be a JSON-RPC 2.0 response; an expected (valid) request is answered exactly
/// once and rightly; a broken frame's own <c>f-</c> id at most once; an answer without an id is an error; no other id appears.
/// Ids are matched by value (a string decoded, lone surrogates kept; an integer by its value), not by their escapes.
/// Requests whose id cannot be held (a fraction, a number beyond 64 bits, true, an object) are answered with a null id: the
/// run must see at least as many null-id errors as it sent such requests.
/// Thread-safe: the writer registers expectations before writing, the reader records answers as they come.
/// </summary>
internal sealed class FuzzAnswers
{
    private const int MaxProblems = 20;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ExpectedAnswer> expected = [];
    private readonly Dictionary<string, string> categories = [];
    private readonly HashSet<string> answered = [];
    private readonly HashSet<string> victimsAnswered = [];
    private readonly List<string> problems = [];
    private readonly List<(string To, string EnvId)> delivered = [];
    private int answers;
    private int nullIdErrors;
    private int expectedNullIdErrors;

    public int Answers
    {
        get
        {
            lock (gate)
            {
                return answers;
            }
        }
    }

    public int NullIdErrors
    {
        get
        {
            lock (gate)
            {
                return nullIdErrors;
            }
        }
    }

    public int ExpectedNullIdErrors
    {
        get
        {
            lock (gate)
            {
                return expectedNullIdErrors;
            }
        }
    }

    public int ExpectedCount
    {
        get
        {
            lock (gate)
            {
                return expected.Count;
            }
        }
    }

    public int Outstanding
    {
        get
        {
            lock (gate)
            {
                return expected.Count - answered.Count;
            }
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (gate)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>Real sends answered with an EnvId: the recipient and the EnvId the sandbox must have.</summary>
    public IReadOnlyList<(string To, string EnvId)> Delivered
    {
        get
        {
            lock (gate)
            {
                return [.. delivered];
            }
        }
    }

    public void Expect(FuzzItem item)
    {
        lock (gate)
        {
            expectedNullIdErrors += item.NullIdAnswers;
            foreach (var answer in item.Expected)
            {
                var key = KeyOf(answer.Id);
                expected.Add(key, answer);
                categories.Add(key, item.Category);
            }
        }
    }

    /// <summary>The expected requests still unanswered, with the category of the item that carried them.</summary>
    public IReadOnlyList<string> Unanswered()
    {
        lock (gate)
        {
            return [.. expected.Keys.Where(id => !answered.Contains(id)).Take(MaxProblems).Select(id => $"{id} ({categories[id]})")];
        }
    }

    public void Record(JsonNode frame)
    {
        foreach (var response in frame is JsonArray batch ? [.. batch] : new JsonNode?[] { frame })
        {
            lock (gate)
            {
                answers++;
                var problem = Judge(response);
                if (problem is not null && problems.Count < MaxProblems)
                {
                    problems.Add(problem + ": " + Shorten(Show(response)));
                }
            }
        }
    }

    private string? Judge(JsonNode? response)
    {
        if (response is not JsonObject message || message["jsonrpc"]?.GetValue<string>() != "2.0"
            || !message.ContainsKey("id") || message.ContainsKey("result") == message.ContainsKey("error"))
        {
            return "not a JSON-RPC 2.0 response";
        }

        if (message["error"] is { } error
            && (error["code"]?.GetValueKind() != System.Text.Json.JsonValueKind.Number || error["message"] is null))
        {
            return "an error without code and message";
        }

        var id = message["id"] is JsonValue value && value.TryGetValue<JsonElement>(out var element)
            ? KeyOf(element)
            : message["id"]?.ToJsonString() ?? "null";
        if (expected.TryGetValue(id, out var expectation))
        {
            if (!answered.Add(id))
            {
                return "answered twice";
            }

            if (!expectation.IsRight(message))
            {
                return $"wrong answer to a {expectation.Kind} request";
            }

            if (expectation.SentTo is { } to)
            {
                delivered.Add((to, message["result"]!["EnvId"]!.GetValue<string>()));
            }

            return null;
        }

        if (id.StartsWith("s:f-", StringComparison.Ordinal))
        {
            return victimsAnswered.Add(id) ? null : "a broken frame's request answered twice";
        }

        if (id == "null")
        {
            nullIdErrors++;
            return message.ContainsKey("error") ? null : "a result without an id";
        }

        return "an answer for an id nobody sent";
    }

    /// <summary>The key an id is matched by: <c>s:</c> and the decoded string, or <c>n:</c> and the integer.</summary>
    public static string KeyOf(string idJson)
    {
        using var document = JsonDocument.Parse(idJson);
        return KeyOf(document.RootElement);
    }

    private static string KeyOf(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => "s:" + HostileJson.Decode(id.GetRawText()),
        JsonValueKind.Number when id.TryGetInt64(out var number) =>
            "n:" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => id.GetRawText(),
    };

    /// <summary>
    /// An answer as text for a problem report; ToJsonString cannot write a lone surrogate (the host's answers may hold one).
    /// </summary>
    private static string? Show(JsonNode? response)
    {
        try
        {
            return response?.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return $"(an answer with id {Rpc.Id(response)})";
        }
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 300 ? text : text[..300] + "…";
}
