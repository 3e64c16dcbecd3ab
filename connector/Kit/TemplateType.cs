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

/// <summary>What Logto's official passwordless connectors share about template types.</summary>
public static class TemplateTypes
{
    /// <summary>
    /// The usage types every config must have a template for (the official connectors' <c>requiredTemplateUsageTypes</c>, in
    /// their order); the others fall back to <see cref="TemplateType.Generic"/>.
    /// </summary>
    public static IReadOnlyList<TemplateType> Required { get; } =
        [TemplateType.Register, TemplateType.SignIn, TemplateType.ForgotPassword, TemplateType.Generic];
}
