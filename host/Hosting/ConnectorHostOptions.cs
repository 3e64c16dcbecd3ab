namespace Logto.ConnectorHost;

/// <summary>The host's limits and lifetime settings (the CLI's <c>serve</c> options set them).</summary>
public sealed class ConnectorHostOptions
{
    public const long DefaultMaxFrameBytes = 4 * 1024 * 1024;
    public const long DefaultMaxInflightBytes = 32 * 1024 * 1024;

    /// <summary>Frames with a larger <c>Content-Length</c> are skipped unread and answered -32600.</summary>
    public long MaxFrameBytes { get; set; } = DefaultMaxFrameBytes;

    /// <summary>Requests whose handlers run at the same time; more wait (cancellable) for a slot.</summary>
    public int MaxConcurrentRequests { get; set; } = 128;

    /// <summary>Requests accepted but unanswered (running or waiting); at this bound the host stops reading input.</summary>
    public int MaxPendingRequests { get; set; } = 1024;

    /// <summary>
    /// Bytes of params that requests in flight may hold together (each keeps its params until answered); a request that would
    /// go over is answered -32001 at once. With the defaults, 8 maximal frames, or thousands of ordinary sends.
    /// </summary>
    public long MaxInflightBytes { get; set; } = DefaultMaxInflightBytes;

    /// <summary>After end of input, SIGTERM or parent death: how long requests in flight may still finish before being cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, the host exits once this process is gone; otherwise (on Unix) once its original parent is gone.</summary>
    public int? ParentProcessId { get; set; }

    /// <summary>How often the parent is checked: its death is noticed within this (a host must be gone 2 s after Logto).</summary>
    public TimeSpan ParentPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public string HostName { get; set; } = "logto-connector-host";

    /// <summary>Defaults to the entry assembly's informational version.</summary>
    public string? HostVersion { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 1, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRequests, 1, nameof(MaxConcurrentRequests));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingRequests, 1, nameof(MaxPendingRequests));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInflightBytes, 1, nameof(MaxInflightBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownGracePeriod, TimeSpan.Zero, nameof(ShutdownGracePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ParentPollInterval, TimeSpan.Zero, nameof(ParentPollInterval));
    }
}
