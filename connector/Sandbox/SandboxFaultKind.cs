namespace Logto.Connector.AliyunSandbox;

public enum SandboxFaultKind
{
    /// <summary>No fault: setting it clears the current one.</summary>
    None,

    /// <summary>400 Aliyun JSON <c>Throttling.User</c> with the header <c>x-acs-retry-after</c>.</summary>
    Throttling,

    /// <summary>503 <c>text/plain</c> "Service Unavailable" (a gateway page, not Aliyun JSON).</summary>
    ServiceUnavailable,

    /// <summary>200 <c>{"unexpected":true}</c>.</summary>
    MalformedSuccess,

    /// <summary>Answer normally after the fault's Delay; if the client goes away meanwhile, record "dropped" and send nothing.</summary>
    Delay,

    /// <summary>Send the status line, the headers and part of the body, then reset the connection.</summary>
    ResetMidResponse,

    /// <summary>500 Aliyun JSON <c>InternalError</c>.</summary>
    InternalError,

    /// <summary>
    /// SendSms only: 200 <c>{"Message":"触发分钟级流控Permits:1","RequestId":…,"Code":"isv.BUSINESS_LIMIT_CONTROL"}</c>.
    /// Mail requests pass untouched and do not use up its count.
    /// </summary>
    BusinessLimitControl,
}
