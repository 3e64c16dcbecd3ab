namespace Host.Tests.Reliability.Support;

/// <summary>
/// One thing the fuzzer writes to the host's stdin: a frame (valid or not) or junk, the points at which it is split into
/// separate flushed writes, and the answers it must get. A malformed item may get error answers (id null or its own
/// <c>f-</c> id), or even a right answer when the host recovers the frame inside it, but never one for somebody else's id.
/// <see cref="NullIdAnswers"/> counts the valid requests in it whose id cannot be held, answered -32600 with a null id.
/// </summary>
internal sealed record FuzzItem(
    string Category, byte[] Bytes, IReadOnlyList<int> SplitPoints, IReadOnlyList<ExpectedAnswer> Expected, int NullIdAnswers = 0)
{
    public bool Malformed => Category.StartsWith("malformed: ", StringComparison.Ordinal);

    public bool Hostile => Category.StartsWith("hostile: ", StringComparison.Ordinal);

    /// <summary>The writes, in order: the bytes cut at <see cref="SplitPoints"/>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Writes()
    {
        var start = 0;
        foreach (var point in SplitPoints)
        {
            yield return Bytes.AsMemory(start, point - start);
            start = point;
        }

        yield return Bytes.AsMemory(start);
    }
}
