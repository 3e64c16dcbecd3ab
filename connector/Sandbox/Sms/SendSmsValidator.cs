using System.Text.Json;
using Logto.Connector.AliyunSandbox.Rpc;

namespace Logto.Connector.AliyunSandbox.Sms;

/// <summary>
/// SendSms's business parameters: missing ones are gateway errors (HTTP 400), the rest are SMS's own <c>isv.*</c> rejections
/// (HTTP 200). https://help.aliyun.com/en/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
/// </summary>
internal static class SendSmsValidator
{
    public const int MaxPhoneNumbers = 1000;

    // A mainland number with or without +86/0086/86, or a country code and number; Aliyun's own check is undocumented.
    private const int MinDigits = 5;
    private const int MaxDigits = 20;

    public static AliyunError? Validate(RequestParameters parameters)
    {
        string[] required = ["PhoneNumbers", "SignName", "TemplateCode"];
        foreach (var name in required)
        {
            if (string.IsNullOrEmpty(parameters[name]))
            {
                return AliyunError.Missing(name);
            }
        }

        var numbers = parameters["PhoneNumbers"]!.Split(',');
        if (numbers.Length > MaxPhoneNumbers)
        {
            return AliyunError.MobileCountOverLimit;
        }

        if (!numbers.All(IsPhoneNumber))
        {
            return AliyunError.MobileNumberIllegal;
        }

        return parameters["TemplateParam"] is { } templateParam && !IsStringMap(templateParam) ? AliyunError.InvalidJsonParam : null;
    }

    public static int NumberCount(string phoneNumbers) => phoneNumbers.Split(',').Length;

    /// <summary>Digits, optionally after one leading <c>+</c>; no spaces, dashes or full-width digits.</summary>
    public static bool IsPhoneNumber(string number)
    {
        var digits = number.StartsWith('+') ? number[1..] : number;
        return digits.Length is >= MinDigits and <= MaxDigits && digits.All(char.IsAsciiDigit);
    }

    /// <summary>A JSON object whose every value is a string (<c>{"code":"123456"}</c>, not <c>{"code":123456}</c>).</summary>
    public static bool IsStringMap(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().All(property => property.Value.ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
