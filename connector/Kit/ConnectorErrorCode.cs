using System.Text.Json.Serialization;

namespace Logto.ConnectorKit;

/// <summary>Logto's <c>ConnectorErrorCodes</c> (connector-kit 5.1.1, <c>lib/types/error.js</c>); the wire value is the string.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConnectorErrorCode>))]
public enum ConnectorErrorCode
{
    [JsonStringEnumMemberName("general")] General,
    [JsonStringEnumMemberName("invalid_metadata")] InvalidMetadata,
    [JsonStringEnumMemberName("unexpected_type")] UnexpectedType,
    [JsonStringEnumMemberName("invalid_config_guard")] InvalidConfigGuard,
    [JsonStringEnumMemberName("invalid_request_parameters")] InvalidRequestParameters,
    [JsonStringEnumMemberName("insufficient_request_parameters")] InsufficientRequestParameters,
    [JsonStringEnumMemberName("invalid_config")] InvalidConfig,
    [JsonStringEnumMemberName("invalid_certificate")] InvalidCertificate,
    [JsonStringEnumMemberName("invalid_response")] InvalidResponse,
    [JsonStringEnumMemberName("template_not_found")] TemplateNotFound,
    [JsonStringEnumMemberName("template_not_supported")] TemplateNotSupported,
    [JsonStringEnumMemberName("rate_limit_exceeded")] RateLimitExceeded,
    [JsonStringEnumMemberName("usage_limit_exceeded")] UsageLimitExceeded,
    [JsonStringEnumMemberName("not_implemented")] NotImplemented,
    [JsonStringEnumMemberName("social_auth_code_invalid")] SocialAuthCodeInvalid,
    [JsonStringEnumMemberName("social_invalid_access_token")] SocialInvalidAccessToken,
    [JsonStringEnumMemberName("social_invalid_id_token")] SocialInvalidIdToken,
    [JsonStringEnumMemberName("authorization_failed")] AuthorizationFailed,
}

public static class ConnectorErrorCodes
{
    /// <summary>The wire string of a code, without reflection (safe under Native AOT).</summary>
    public static string ToWire(this ConnectorErrorCode code) => code switch
    {
        ConnectorErrorCode.General => "general",
        ConnectorErrorCode.InvalidMetadata => "invalid_metadata",
        ConnectorErrorCode.UnexpectedType => "unexpected_type",
        ConnectorErrorCode.InvalidConfigGuard => "invalid_config_guard",
        ConnectorErrorCode.InvalidRequestParameters => "invalid_request_parameters",
        ConnectorErrorCode.InsufficientRequestParameters => "insufficient_request_parameters",
        ConnectorErrorCode.InvalidConfig => "invalid_config",
        ConnectorErrorCode.InvalidCertificate => "invalid_certificate",
        ConnectorErrorCode.InvalidResponse => "invalid_response",
        ConnectorErrorCode.TemplateNotFound => "template_not_found",
        ConnectorErrorCode.TemplateNotSupported => "template_not_supported",
        ConnectorErrorCode.RateLimitExceeded => "rate_limit_exceeded",
        ConnectorErrorCode.UsageLimitExceeded => "usage_limit_exceeded",
        ConnectorErrorCode.NotImplemented => "not_implemented",
        ConnectorErrorCode.SocialAuthCodeInvalid => "social_auth_code_invalid",
        ConnectorErrorCode.SocialInvalidAccessToken => "social_invalid_access_token",
        ConnectorErrorCode.SocialInvalidIdToken => "social_invalid_id_token",
        ConnectorErrorCode.AuthorizationFailed => "authorization_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
