namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>
/// An error Aliyun answers with: HTTP status, code and message. Status 200 marks a business rejection (SMS's <c>isv.*</c>
/// codes), answered as <c>{Message, RequestId, Code}</c> instead of the gateway's error shape.
/// Gateway codes: https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis and
/// https://help.aliyun.com/document_detail/48054.html; Direct Mail codes: SingleSendMail doc 29444 and
/// https://www.alibabacloud.com/help/en/direct-mail/developer-reference/api-dm-2015-11-23-errorcodes; SMS codes:
/// https://help.aliyun.com/document_detail/101346.html
/// </summary>
internal sealed record AliyunError(int Status, string Code, string Message)
{
    public static readonly AliyunError ActionNotFound =
        new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    public static readonly AliyunError UnsupportedHttpMethod =
        new(400, "UnsupportedHTTPMethod", "This http method is not supported.");

    public static readonly AliyunError InvalidSignatureMethod =
        new(400, "InvalidSignatureMethod", "Specified signature method is not supported.");

    public static readonly AliyunError IncompleteSignature =
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");

    public static readonly AliyunError TimeStampFormat =
        new(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

    public static readonly AliyunError TimeStampExpired =
        new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    // The sources disagree on 400 vs 404 for an unknown key; Aliyun's SDKs surface it as HTTP 404.
    public static readonly AliyunError AccessKeyNotFound =
        new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    public static readonly AliyunError SignatureDoesNotMatch =
        new(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");

    public static readonly AliyunError SignatureNonceUsed =
        new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    public static readonly AliyunError MailAddressNotFound =
        new(400, "InvalidMailAddress.NotFound", "The specified mailAddress does not exist.");

    public static readonly AliyunError InvalidToAddress =
        new(400, "InvalidToAddress", "The specified toAddress is wrongly formed.");

    public static readonly AliyunError InvalidSubject =
        new(400, "InvalidSubject.Malformed", "The specified subject is wrongly formed: it cannot be longer than 100 characters.");

    public static readonly AliyunError InvalidBody =
        new(400, "InvalidBody", "The specified textBody or htmlBody is wrongly formed.");

    public static readonly AliyunError InvalidFromAlias =
        new(400, "InvalidFromAlias.Malformed", "The specified fromAlias is wrongly formed: it cannot be longer than 15 characters.");

    public static readonly AliyunError Throttling =
        new(400, "Throttling.User", "Request was denied due to user flow control.");

    public static readonly AliyunError InternalError =
        new(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");

    public static readonly AliyunError MobileNumberIllegal = new(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");

    public static readonly AliyunError MobileCountOverLimit = new(200, "isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");

    public static readonly AliyunError InvalidJsonParam = new(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");

    /// <summary>The per-number minute limit (verification codes: one a minute to the same number with the same signature).</summary>
    public static readonly AliyunError BusinessLimitControl = new(200, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1");

    public bool IsBusinessRejection => Status == 200;

    public static AliyunError Missing(string parameter) =>
        new(
            400,
            "Missing" + parameter,
            $"The input parameter \"{parameter}\" that is mandatory for processing this request is not supplied.");

    public static AliyunError InvalidParameter(string parameter) =>
        new(400, "InvalidParameter", $"The specified parameter \"{parameter}\" is not valid.");
}
