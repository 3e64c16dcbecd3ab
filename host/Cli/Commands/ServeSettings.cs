namespace Logto.ConnectorHost.Cli.Commands;

/// <summary>What <c>serve</c> runs with, from System.CommandLine's parse or from <see cref="ServeArguments"/>.</summary>
internal sealed record ServeSettings
{
    public const int DefaultMaxConcurrentRequests = 128;
    public const int DefaultShutdownGraceMs = 5000;

    /// <summary>The <c>--parent-pid</c> value; null when not given (the environment variable is read at run time).</summary>
    public int? ParentPid { get; init; }

    /// <summary>The <c>--log-level</c> value; null when not given.</summary>
    public string? LogLevel { get; init; }

    public long MaxFrameBytes { get; init; } = ConnectorHostOptions.DefaultMaxFrameBytes;

    public long MaxInflightBytes { get; init; } = ConnectorHostOptions.DefaultMaxInflightBytes;

    public int MaxConcurrentRequests { get; init; } = DefaultMaxConcurrentRequests;

    public int ShutdownGraceMs { get; init; } = DefaultShutdownGraceMs;
}
