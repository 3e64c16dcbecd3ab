using System.Text.Json;
using Logto.ConnectorKit;

namespace Logto.Connector.AliyunSms;

/// <summary>
/// Refuses, before anything is signed or sent, what would make SendSms do more than one short message to one number
/// (<c>invalid_request_parameters</c>). Messages never echo the number or the payload.
/// </summary>
internal static class SmsInputGuard
{
    /// <summary>Longer than any E.164 number with a <c>0086</c>-style prefix; Aliyun answers isv.MOBILE_NUMBER_ILLEGAL anyway.</summary>
    public const int MaxPhoneNumberLength = 32;

    /// <summary>
    /// An SMS is at most 500 characters, signature and substituted template together
    /// (https://help.aliyun.com/en/sms/user-guide/message-rules); no template's variables can usefully carry more than that,
    /// and JSON's keys, quotes and escapes are allowed four times over.
    /// </summary>
    public const int MaxTemplateParamLength = 2_000;

    /// <summary>PhoneNumbers takes up to 1,000 comma-separated numbers; Logto means one, so a list is refused.</summary>
    public static void EnsureSingleRecipient(string to)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            throw Invalid("The phone number (to) is empty.");
        }

        if (to.Length > MaxPhoneNumberLength)
        {
            throw Invalid($"The phone number (to) is longer than {MaxPhoneNumberLength} characters.");
        }

        if (to.AsSpan().IndexOfAny(",，;") >= 0)
        {
            throw Invalid("The phone number (to) is a list; the connector sends to one number per call.");
        }

        if (to.Any(char.IsControl))
        {
            throw Invalid("The phone number (to) contains control characters.");
        }
    }

    public static void EnsurePayloadObject(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("The payload must be a JSON object.");
        }
    }

    public static void EnsureTemplateParamLength(string templateParam)
    {
        if (templateParam.Length > MaxTemplateParamLength)
        {
            throw Invalid(
                $"TemplateParam would be {templateParam.Length} characters; an SMS holds at most 500, " +
                $"so at most {MaxTemplateParamLength} are sent.");
        }
    }

    private static ConnectorException Invalid(string message) => new(ConnectorErrorCode.InvalidRequestParameters, message);
}
