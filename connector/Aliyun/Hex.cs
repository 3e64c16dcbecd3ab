namespace Logto.Connector.Aliyun;

/// <summary>Upper-case hex digits for the two percent-encodings (<see cref="RpcSignature"/>, <see cref="FormUrlEncoding"/>).</summary>
internal static class Hex
{
    public const string Upper = "0123456789ABCDEF";
}
