namespace Logto.ConnectorHost.Dispatch;

/// <summary>The dispatcher's bounds, taken from <see cref="ConnectorHostOptions"/>.</summary>
internal sealed record DispatcherLimits(
    int MaxConcurrentRequests,
    int MaxPendingRequests,
    TimeSpan ShutdownGracePeriod,
    long MaxInflightBytes = ConnectorHostOptions.DefaultMaxInflightBytes)
{
    /// <summary>How long cancelled handlers get to answer after the grace period, before the host answers for them.</summary>
    public static readonly TimeSpan CancellationGracePeriod = TimeSpan.FromSeconds(1);

    public static DispatcherLimits From(ConnectorHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            options.MaxConcurrentRequests,
            Math.Max(options.MaxPendingRequests, options.MaxConcurrentRequests),
            options.ShutdownGracePeriod,
            options.MaxInflightBytes);
    }
}
