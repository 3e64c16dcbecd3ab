using System.Runtime.InteropServices;
using System.Text;

namespace Host.TestHost;

/// <summary>Writes to file descriptor 1 directly, as native code in a connector's dependencies could, past <c>Console.Out</c>.</summary>
internal static partial class NativeStdout
{
    public static void Write(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (Write(1, bytes, bytes.Length) != bytes.Length)
        {
            throw new IOException($"write(1) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, byte[] buffer, nint count);
}
