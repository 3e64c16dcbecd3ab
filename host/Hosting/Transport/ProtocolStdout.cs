using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Moves the protocol off file descriptor 1 (Unix): the real stdout is duplicated to a private, close-on-exec descriptor
/// that only frames are written to, and descriptor 1 becomes a copy of stderr. So even native code that writes to stdout
/// (a <c>printf</c> in a native library, a child process a connector starts) lands in the log instead of the frame stream.
/// </summary>
internal static partial class ProtocolStdout
{
    private const int StdoutFd = 1;
    private const int StderrFd = 2;
    private const int FDupFdCloexec = 1030; // F_DUPFD_CLOEXEC, the same on Linux and macOS

    public static Stream Take()
    {
        var frames = DuplicateCloseOnExec(StdoutFd, 3);
        if (frames < 0)
        {
            throw new IOException($"Could not duplicate stdout for the protocol (errno {Marshal.GetLastPInvokeError()}).");
        }

        if (Dup2(StderrFd, StdoutFd) < 0)
        {
            throw new IOException($"Could not point stdout at stderr (errno {Marshal.GetLastPInvokeError()}).");
        }

        return new FileStream(new SafeFileHandle(frames, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    // fcntl is variadic in C; on the Linux ABIs .NET runs on, an int third argument is passed as for a fixed signature.
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int DuplicateCloseOnExec(int fd, int command, int lowestFd);

    private static int DuplicateCloseOnExec(int fd, int lowestFd) => DuplicateCloseOnExec(fd, FDupFdCloexec, lowestFd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int from, int to);
}
