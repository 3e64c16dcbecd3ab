using Microsoft.Extensions.Logging;

namespace Logto.Connector.AliyunSandbox;

/// <summary>How an <see cref="AliyunSandbox"/> listens, whom it trusts and where it files accepted mail and SMS.</summary>
public sealed record AliyunSandboxOptions
{
    public const string DefaultAccessKeyId = "sandbox-access-key-id";
    public const string DefaultAccessKeySecret = "sandbox-access-key-secret";

    /// <summary>TCP port on 127.0.0.1; 0 picks an ephemeral port (read it back from <see cref="AliyunSandbox.Endpoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// When set, each accepted mail is also written there as <c>&lt;EnvId&gt;.eml</c> and <c>&lt;EnvId&gt;.json</c>, each accepted
    /// SMS as <c>&lt;BizId&gt;.sms.json</c>.
    /// </summary>
    public string? OutboxDirectory { get; init; }

    /// <summary>AccessKeyId → AccessKeySecret. The secrets only key the HMAC; they are never logged, answered or written.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [DefaultAccessKeyId] = DefaultAccessKeySecret };

    /// <summary>The sandbox's clock (Timestamp skew, nonce memory, Delay faults, ReceivedAt).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Optional log of accepted, rejected and faulted requests (never parameters' secrets, never bodies).</summary>
    public ILogger? Logger { get; init; }
}
