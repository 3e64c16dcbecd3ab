namespace Connector.Tests.Sandbox.Support;

/// <summary>A clock the test sets; timers still run on real time.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
