using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>
/// Logto's <c>ConnectorErrorCodes</c> (connector-kit 5.1.1, <c>lib/types/error.js</c>); the wire value is
/// <see cref="ConnectorErrorCodes.ToWire"/>, the member name in snake case. schema/protocol.openrpc.json lists the wire values
/// (<c>ConnectorErrorData.code</c>); tests tie that list to this enum and to connector-kit's.
/// </summary>
public enum ConnectorErrorCode
{
    General,
    InvalidMetadata,
    UnexpectedType,
    InvalidConfigGuard,
    InvalidRequestParameters,
    InsufficientRequestParameters,
    InvalidConfig,
    InvalidCertificate,
    InvalidResponse,
    TemplateNotFound,
    TemplateNotSupported,
    RateLimitExceeded,
    UsageLimitExceeded,
    NotImplemented,
    SocialAuthCodeInvalid,
    SocialInvalidAccessToken,
    SocialInvalidIdToken,
    AuthorizationFailed,
}

public static class ConnectorErrorCodes
{
    /// <summary>The wire string of a code: <c>InvalidConfig</c> → <c>invalid_config</c> (enum names survive Native AOT).</summary>
    public static string ToWire(this ConnectorErrorCode code) => Enum.IsDefined(code)
        ? JsonNamingPolicy.SnakeCaseLower.ConvertName(code.ToString())
        : throw new ArgumentOutOfRangeException(nameof(code), code, null);
}
