using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.Connector.Aliyun;
using NJsonSchema.Annotations;

namespace Logto.Connector.AliyunSms;

/// <summary>
/// The connector's config as Logto stores it per tenant; the committed JSON Schema (schema/aliyun-sms.config.schema.json) is
/// generated from this type by a test (form annotations as in schema/README.md). Property order is the form's order. The
/// fields are the official connector's, plus <see cref="Endpoint"/>.
/// </summary>
[Description("Config of the Aliyun SMS connector (SendSms). Keys the schema does not name are allowed and ignored.")]
public sealed record AliyunSmsConfig
{
    [JsonPropertyName("accessKeyId")]
    [Display(Name = "Access Key ID", Prompt = "<access-key-id>")]
    [JsonSchemaExtensionData("x-tooltip", "The AccessKey ID of a RAM user allowed dysms:SendSms.")]
    public required string AccessKeyId { get; init; }

    [JsonPropertyName("accessKeySecret")]
    [Display(Name = "Access Key Secret", Prompt = "<access-key-secret>")]
    [DataType(DataType.Password)]
    [JsonSchemaExtensionData("x-tooltip", "Masked in the form. The connector never logs it and never puts it in an error.")]
    public required string AccessKeySecret { get; init; }

    [JsonPropertyName("signName")]
    [Display(Name = "Signature Name", Prompt = "<signature-name>")]
    [JsonSchemaExtensionData("x-tooltip", "An SMS signature approved in the Aliyun SMS console.")]
    public required string SignName { get; init; }

    [JsonPropertyName("templates")]
    [Display(
        Name = "Templates",
        Description = "One template per usage type; Register, SignIn, ForgotPassword and Generic are required, other usage types " +
            "fall back to Generic. templateCode is an approved template code, or {\"china\": …, \"overseas\": …} to pick one by " +
            "the number.")]
    public required IReadOnlyList<SmsTemplateConfig> Templates { get; init; }

    [JsonPropertyName("strictPhoneRegionNumberCheck")]
    [Display(
        Name = "Strict Phone Region Number Check",
        Description = "When this configuration is enabled, the connector will assume by default that all phone numbers include a " +
            "valid region code and rely on this to determine whether the phone number belongs to mainland China. If your users' " +
            "phone numbers do not include a region code due to historical reasons, their sign-in processes may be affected. " +
            "Please enable this setting with caution.")]
    [DefaultValue(false)]
    public bool? StrictPhoneRegionNumberCheck { get; init; }

    /// <summary>
    /// A custom endpoint URL (VPC endpoint, proxy, or the local sandbox) instead of <c>https://dysmsapi.aliyuncs.com/</c>.
    /// </summary>
    [JsonPropertyName("endpoint")]
    [Display(Name = "Custom endpoint", Prompt = "https://dysmsapi.aliyuncs.com/", Description = AliyunEndpoint.Description)]
    [Url]
    [RegularExpression(AliyunEndpoint.Pattern)]
    public string? Endpoint { get; init; }

    // Records print every property; the secret must never reach a log or an exception message.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", AccessKeySecret = ***, SignName = ").Append(SignName)
            .Append(", Endpoint = ").Append(Endpoint)
            .Append(", Templates = ").Append(Templates.Count);
        return true;
    }
}

/// <summary>
/// One entry of <c>templates</c>. <see cref="TemplateCode"/> is a string, or <c>{china, overseas}</c> (the schema says which);
/// <see cref="Type"/> is Aliyun's template type, kept for the official connector's configs and never used, as there.
/// </summary>
public sealed record SmsTemplateConfig(
    [property: JsonPropertyName("usageType")]
    [property: Display(Name = "Usage type")]
    string UsageType,
    [property: JsonPropertyName("templateCode")]
    [property: Display(Name = "Template code")]
    JsonElement TemplateCode,
    [property: JsonPropertyName("type")]
    [property: Display(Name = "Template type")]
    int? Type = null);
