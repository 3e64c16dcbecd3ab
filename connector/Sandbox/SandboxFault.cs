namespace Logto.Connector.AliyunSandbox;

/// <summary>A failure to inject into the next <paramref name="Count"/> requests to <c>/</c> (control requests are never faulted).</summary>
/// <param name="Delay">Only for <see cref="SandboxFaultKind.Delay"/>: how long to hold the answer.</param>
public sealed record SandboxFault(SandboxFaultKind Kind, int Count = int.MaxValue, TimeSpan Delay = default);
