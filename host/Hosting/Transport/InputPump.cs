using System.IO.Pipelines;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Feeds the frame reader from a dedicated thread doing blocking reads, and runs the reader's continuations on that thread
/// (an inline pipe scheduler): frames are read, and <c>ping</c> is answered, without a thread-pool thread. A stream's async
/// read and a default pipe both continue on the pool, so a connector that blocks or floods the pool would otherwise silence
/// the reader, and the bridge would replace a host whose connector is merely slow. Stopping needs no cooperation from the
/// stream (console streams ignore cancellation): the reader's wait on the pipe is cancelled, and the background thread
/// blocked in a read ends with the process.
/// </summary>
internal static class InputPump
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Starts the pump thread over <paramref name="input"/>; the returned reader ends when the input does.</summary>
    public static PipeReader Start(Stream input, long maxFrameBytes)
    {
        // The frame reader keeps a frame whole until it is complete, so the pipe must take the largest frame and its header
        // before it stops the pump; beyond that the pump stops reading, and the bridge sees stdin fill up. Resuming at the
        // same mark: a lower one could leave the pump paused while the reader waits for the rest of a large frame.
        var bound = maxFrameBytes >= long.MaxValue / 2
            ? long.MaxValue / 2
            : maxFrameBytes + LspFrameReader.MaxHeaderSectionBytes + ChunkBytes;
        var pipe = new Pipe(new PipeOptions(
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: bound,
            resumeWriterThreshold: bound,
            useSynchronizationContext: false));
        var thread = new Thread(() => Pump(input, pipe.Writer)) { IsBackground = true, Name = "Protocol input" };
        thread.Start();
        return pipe.Reader;
    }

    private static void Pump(Stream input, PipeWriter pipe)
    {
        try
        {
            while (true)
            {
                var buffer = pipe.GetMemory(ChunkBytes);
                var read = input.Read(buffer.Span);
                if (read == 0)
                {
                    break;
                }

                pipe.Advance(read);
                var flush = pipe.FlushAsync();
                var result = flush.IsCompleted ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                if (result.IsCompleted)
                {
                    return; // the reader is done with the input
                }
            }

            pipe.Complete();
        }
#pragma warning disable CA1031 // A failing read ends the input; the reader gets the exception, as it would from the stream.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            pipe.Complete(exception);
        }
    }
}
