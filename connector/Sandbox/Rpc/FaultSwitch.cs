using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>The fault in force and how many more requests it applies to. Thread-safe: each request takes at most one turn.</summary>
internal sealed class FaultSwitch(ILogger logger)
{
    private readonly Lock gate = new();
    private SandboxFault? current;
    private int remaining;

    public void Set(SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!Enum.IsDefined(fault.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault kind.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fault.Count, nameof(fault));
        if (fault.Delay < TimeSpan.Zero || (fault.Kind == SandboxFaultKind.Delay && fault.Delay == TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Delay, "A Delay fault needs a positive Delay.");
        }

        lock (gate)
        {
            (current, remaining) = fault.Kind == SandboxFaultKind.None ? (null, 0) : (fault, fault.Count);
        }

        SandboxLog.FaultSet(logger, fault.Kind, fault.Count, fault.Delay);
    }

    /// <summary>Takes a turn of the fault in force when <paramref name="applies"/> to its kind; a fault that does not apply
    /// (an SMS-only kind on a mail request) is left for the next request.</summary>
    /// <returns>The fault for this request, or null.</returns>
    public SandboxFault? Take(Func<SandboxFaultKind, bool> applies)
    {
        ArgumentNullException.ThrowIfNull(applies);
        lock (gate)
        {
            var fault = current;
            if (fault is not null && !applies(fault.Kind))
            {
                return null;
            }

            if (fault is not null && --remaining == 0)
            {
                current = null;
            }

            return fault;
        }
    }
}
