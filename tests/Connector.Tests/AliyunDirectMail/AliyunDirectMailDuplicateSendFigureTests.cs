using System.Globalization;
using System.Text;
using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunSandbox;
using Logto.ConnectorKit;
using Xunit.Abstractions;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>
/// The figure of issue 5: sends accepted per logical <c>sendMessage</c> under random faults (seeded), which must never exceed 1.
/// Two counts per send: mails the sandbox accepted, and attempts that real Aliyun might have accepted (everything but a
/// throttle or a rejection: a 5xx, a reset, an unreadable or dropped answer may hide an accepted mail). Retrying either would
/// show up as 2 here.
/// </summary>
public class AliyunDirectMailDuplicateSendFigureTests(ITestOutputHelper output)
{
    private const int LogicalSends = 500;
    private const int Seed = 20_240_605;

    private static readonly (string Name, int Weight)[] Faults =
    [
        ("none", 30), ("throttling x1", 7), ("throttling x2", 6), ("throttling x5", 5), ("500", 8), ("503", 8),
        ("malformed", 8), ("reset", 8), ("slow, answered", 8), ("slow, timed out", 2), ("refused", 10),
    ];

    [Fact]
    public async Task Random_faults_never_lead_to_more_than_one_accepted_mail_per_sendMessage()
    {
        // Far below the 10 s of the "slow, timed out" fault, and far above a send on a busy machine: an attempt abandoned before
        // the sandbox read it would never be recorded, and the wait for the attempts' exchanges below would not end.
        await using var harness = await ConnectorHarness.StartAsync(timeout: TimeSpan.FromSeconds(2));
        var refused = $"http://127.0.0.1:{AliyunDirectMailConnectorErrorMappingTests.ClosedPort()}/";
        var random = new Random(Seed);
        var stats = new Dictionary<string, Stats>();

        for (var i = 0; i < LogicalSends; i++)
        {
            var fault = Pick(random);
            harness.Sandbox.SetFault(Fault(fault));
            var (exchangesBefore, outboxBefore, attemptsBefore) =
                (harness.Sandbox.Exchanges.Count, harness.Sandbox.Outbox.Count, harness.HttpAttempts);

            string outcome;
            string? envId = null;
            try
            {
                var result = await harness.Connector.SendMessageAsync(
                    TestConfigs.Call(harness.Config(endpoint: fault == "refused" ? refused : null)), CancellationToken.None);
                envId = result.GetProperty("EnvId").GetString();
                outcome = "ok";
            }
            catch (ConnectorException error)
            {
                outcome = error.Code.ToWire();
            }

            harness.Sandbox.SetFault(new SandboxFault(SandboxFaultKind.None));
            var attempts = harness.HttpAttempts - attemptsBefore;
            var exchanges = (await harness.WaitForExchangesAsync(exchangesBefore + (fault == "refused" ? 0 : attempts)))
                .Skip(exchangesBefore)
                .ToList();
            var accepted = harness.Sandbox.Outbox.Skip(outboxBefore).ToList();
            var mayHaveAccepted = exchanges.Count(
                e => e.Outcome != "fault:Throttling" && !e.Outcome.StartsWith("rejected:", StringComparison.Ordinal));

            Assert.True(accepted.Count <= 1, $"send {i} ({fault}): {accepted.Count} mails accepted");
            Assert.True(mayHaveAccepted <= 1, $"send {i} ({fault}): {mayHaveAccepted} attempts may have been accepted");
            if (outcome == "ok")
            {
                Assert.Equal(envId, Assert.Single(accepted).EnvId);
            }

            var s = stats.TryGetValue(fault, out var found) ? found : stats[fault] = new Stats();
            s.Add(outcome, attempts, accepted.Count, mayHaveAccepted);
        }

        output.WriteLine(Figure(stats));
        Assert.Equal(LogicalSends, stats.Values.Sum(s => s.Sends));
        Assert.Equal(1, stats.Values.Max(s => s.MaxAccepted));
    }

    private static string Pick(Random random)
    {
        var roll = random.Next(Faults.Sum(f => f.Weight));
        foreach (var (name, weight) in Faults)
        {
            if ((roll -= weight) < 0)
            {
                return name;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static SandboxFault Fault(string name) => name switch
    {
        "throttling x1" => new(SandboxFaultKind.Throttling, Count: 1),
        "throttling x2" => new(SandboxFaultKind.Throttling, Count: 2),
        "throttling x5" => new(SandboxFaultKind.Throttling, Count: 5),
        "500" => new(SandboxFaultKind.InternalError, Count: 1),
        "503" => new(SandboxFaultKind.ServiceUnavailable, Count: 1),
        "malformed" => new(SandboxFaultKind.MalformedSuccess, Count: 1),
        "reset" => new(SandboxFaultKind.ResetMidResponse, Count: 1),
        "slow, answered" => new(SandboxFaultKind.Delay, Count: 1, Delay: TimeSpan.FromMilliseconds(20)),
        "slow, timed out" => new(SandboxFaultKind.Delay, Count: 1, Delay: TimeSpan.FromSeconds(10)),
        _ => new(SandboxFaultKind.None),
    };

    private static string Figure(Dictionary<string, Stats> stats)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{LogicalSends} logical sends, seed {Seed}, MaxAttempts 3")
            .AppendLine("fault              sends  attempts  accepted  max accepted/send  max may-have-accepted/send  outcomes");
        foreach (var (name, _) in Faults)
        {
            if (stats.TryGetValue(name, out var s))
            {
                var outcomes = string.Join(", ", s.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{name,-18} {s.Sends,5}  {s.Attempts,8}  {s.Accepted,8}  {s.MaxAccepted,17}  {s.MaxMayHaveAccepted,26}  {outcomes}");
            }
        }

        var all = stats.Values;
        return text.AppendLine(CultureInfo.InvariantCulture,
            $"total: {all.Sum(s => s.Sends)} sends, {all.Sum(s => s.Attempts)} attempts, {all.Sum(s => s.Accepted)} mails accepted, " +
            $"max accepted per send {all.Max(s => s.MaxAccepted)}, " +
            $"max may-have-accepted attempts per send {all.Max(s => s.MaxMayHaveAccepted)}, " +
            $"duplicates {all.Sum(s => s.Duplicates)}").ToString();
    }

    private sealed class Stats
    {
        public int Sends { get; private set; }

        public int Attempts { get; private set; }

        public int Accepted { get; private set; }

        public int MaxAccepted { get; private set; }

        public int MaxMayHaveAccepted { get; private set; }

        public int Duplicates { get; private set; }

        public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

        public void Add(string outcome, int attempts, int accepted, int mayHaveAccepted)
        {
            Sends++;
            Attempts += attempts;
            Accepted += accepted;
            MaxAccepted = Math.Max(MaxAccepted, accepted);
            MaxMayHaveAccepted = Math.Max(MaxMayHaveAccepted, mayHaveAccepted);
            Duplicates += Math.Max(0, accepted - 1);
            Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        }
    }
}
