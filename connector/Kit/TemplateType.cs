using System.Text.Json.Serialization;

namespace Logto.ConnectorKit;

/// <summary>Logto's <c>TemplateType</c> (connector-kit 5.1.1, 9 values); the wire value is the member name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemplateType>))]
public enum TemplateType
{
    SignIn,
    Register,
    ForgotPassword,
    OrganizationInvitation,
    Generic,
    UserPermissionValidation,
    BindNewIdentifier,
    MfaVerification,
    BindMfa,
}
