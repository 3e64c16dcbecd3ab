using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// One result of <see cref="LspFrameReader.ReadAsync"/>: a body, or why there is none (and the id, when it could be
/// recovered).
/// </summary>
internal readonly record struct LspFrame(
    LspFrameKind Kind,
    ReadOnlyMemory<byte> Body = default,
    long DeclaredLength = 0,
    RequestId? RecoveredId = null,
    string? Problem = null)
{
    public static LspFrame End => new(LspFrameKind.End);

    public static LspFrame Message(ReadOnlyMemory<byte> body) => new(LspFrameKind.Message, body, body.Length);

    public static LspFrame TooLarge(long declaredLength, RequestId? id) =>
        new(LspFrameKind.TooLarge, DeclaredLength: declaredLength, RecoveredId: id);

    public static LspFrame Malformed(string problem, RequestId? id = null) =>
        new(LspFrameKind.Malformed, RecoveredId: id, Problem: problem);
}
