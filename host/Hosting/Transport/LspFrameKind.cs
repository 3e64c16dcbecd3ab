namespace Logto.ConnectorHost.Transport;

/// <summary>What <see cref="LspFrameReader.ReadAsync"/> found.</summary>
internal enum LspFrameKind
{
    /// <summary>A complete frame; its body is ready to parse.</summary>
    Message,

    /// <summary>A frame over the size limit, skipped without being buffered whole.</summary>
    TooLarge,

    /// <summary>A bad header, or a frame cut off by the end of the stream; the reader resynchronises on the next header.</summary>
    Malformed,

    /// <summary>The stream ended between frames.</summary>
    End,
}
