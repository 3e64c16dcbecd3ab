namespace Logto.Connector.Aliyun;

/// <summary>Supplies <c>SignatureNonce</c>: unique per request (Aliyun answers <c>SignatureNonceUsed</c> otherwise).</summary>
public interface ISignatureNonceSource
{
    string NextNonce();
}

/// <summary>A new random UUID per request, lower-case like Node's <c>crypto.randomUUID()</c> in the official connector.</summary>
public sealed class GuidSignatureNonceSource : ISignatureNonceSource
{
    public static GuidSignatureNonceSource Instance { get; } = new();

    public string NextNonce() => Guid.NewGuid().ToString("D");
}
