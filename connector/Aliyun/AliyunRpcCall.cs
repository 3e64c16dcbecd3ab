namespace Logto.Connector.Aliyun;

/// <summary>
/// One logical Aliyun RPC call as a connector describes it; <see cref="AliyunRpcClient"/> signs, sends, retries and reads it.
/// </summary>
/// <param name="Product">The service as errors name it, e.g. "Aliyun Direct Mail".</param>
/// <param name="Action">The RPC action, e.g. <c>SingleSendMail</c>; logs name it.</param>
/// <param name="Item">What is sent, as errors name it ("mail", "SMS"): "the mail may or may not have been sent".</param>
/// <param name="Endpoint">Where the POST goes (<see cref="AliyunEndpoint.Resolve"/>).</param>
/// <param name="AccessKeySecret">The signing key; it never leaves <see cref="RpcSignature.Sign"/>.</param>
/// <param name="Parameters">
/// The unsigned parameters of one attempt, in the order they are sent, given that attempt's <c>SignatureNonce</c> and
/// <c>Timestamp</c>; the client appends <c>Signature</c>.
/// </param>
/// <param name="ReadAnswer">Turns the HTTP status and body into the result or Logto's error (<see cref="AliyunAnswer"/>).</param>
public sealed record AliyunRpcCall(
    string Product,
    string Action,
    string Item,
    Uri Endpoint,
    string AccessKeySecret,
    Func<string, string, List<KeyValuePair<string, string>>> Parameters,
    Func<int, string, AliyunAnswer> ReadAnswer)
{
    // Records print every member; the secret must never reach a log or an exception message.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Product = ").Append(Product).Append(", Action = ").Append(Action)
            .Append(", Endpoint = ").Append(AliyunEndpoint.Display(Endpoint)).Append(", AccessKeySecret = ***");
        return true;
    }
}
