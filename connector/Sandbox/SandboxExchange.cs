namespace Logto.Connector.AliyunDirectMail.Sandbox;

/// <summary>One request to the Direct Mail endpoint and what became of it.</summary>
/// <param name="Outcome"><c>accepted</c>, <c>rejected:&lt;Code&gt;</c>, <c>fault:&lt;Kind&gt;</c> or <c>dropped</c> (the client went away first).</param>
/// <param name="Status">The HTTP status answered; null when no complete answer was sent (dropped, reset).</param>
public sealed record SandboxExchange(string Outcome, int? Status, DateTimeOffset At);
