namespace Logto.Connector.Aliyun;

/// <summary>Why a failed attempt may be repeated: Aliyun certainly did not accept the message.</summary>
internal enum RetryReason
{
    /// <summary>Final: a success, or a failure after which the mail may have been accepted, or one a retry cannot fix.</summary>
    None,

    /// <summary>Aliyun answered <c>Throttling</c>, <c>Throttling.User</c> or <c>Throttling.Api</c>: refused, not queued.</summary>
    Throttled,

    /// <summary>The TCP connection was refused, so not one byte of the request left.</summary>
    ConnectionRefused,
}
