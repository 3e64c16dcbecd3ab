namespace Logto.Connector.AliyunSandbox;

/// <summary>One request to the Aliyun endpoint (<c>/</c>) and what became of it.</summary>
/// <param name="Outcome">
/// <c>accepted</c>, <c>rejected:&lt;Code&gt;</c>, <c>fault:&lt;Kind&gt;</c> or <c>dropped</c> (the client went away first).
/// </param>
/// <param name="Status">The HTTP status answered; null when no complete answer was sent (dropped, reset).</param>
public sealed record SandboxExchange(string Outcome, int? Status, DateTimeOffset At)
{
    /// <summary>The API asked for (<c>SingleSendMail</c>, <c>SendSms</c>); null when the Action is missing or unknown.</summary>
    public string? Action { get; init; }
}
