using System.Text.Json.Nodes;

namespace Host.Tests.Reliability.Support;

/// <summary>
/// The oracle of the fuzz run: every answer must be a JSON-RPC 2.0 response; an expected (valid) request is answered exactly
/// once and rightly; a broken frame's own <c>f-</c> id at most once; an answer without an id is an error; no other id appears.
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

    public int Answers
    {
        get { lock (gate) return answers; }
    }

    public int NullIdErrors
    {
        get { lock (gate) return nullIdErrors; }
    }

    public int ExpectedCount
    {
        get { lock (gate) return expected.Count; }
    }

    public int Outstanding
    {
        get { lock (gate) return expected.Count - answered.Count; }
    }

    public IReadOnlyList<string> Problems
    {
        get { lock (gate) return [.. problems]; }
    }

    /// <summary>Real sends answered with an EnvId: the recipient and the EnvId the sandbox must have.</summary>
    public IReadOnlyList<(string To, string EnvId)> Delivered
    {
        get { lock (gate) return [.. delivered]; }
    }

    public void Expect(FuzzItem item)
    {
        lock (gate)
        {
            foreach (var answer in item.Expected)
            {
                expected.Add(answer.Id, answer);
                categories.Add(answer.Id, item.Category);
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
                    problems.Add(problem + ": " + Shorten(response?.ToJsonString()));
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

        if (message["error"] is { } error && (error["code"]?.GetValueKind() != System.Text.Json.JsonValueKind.Number || error["message"] is null))
        {
            return "an error without code and message";
        }

        var id = message["id"]?.ToJsonString() ?? "null";
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

        if (id.StartsWith("\"f-", StringComparison.Ordinal))
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

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 300 ? text : text[..300] + "…";
}
