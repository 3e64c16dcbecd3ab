using Logto.ConnectorHost.Transport;

namespace Logto.ConnectorHost;

/// <summary>The two byte streams the host speaks on: frames in, frames out.</summary>
public sealed class ConnectorHostStreams
{
    public ConnectorHostStreams(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        Input = input;
        Output = output;
    }

    public Stream Input { get; }

    public Stream Output { get; }

    /// <summary>
    /// Takes the process's real stdin/stdout for the protocol, then points <see cref="Console.Out"/> at stderr, so that a
    /// stray <c>Console.WriteLine</c> anywhere in the process (a connector, a library, the console logger) becomes a stderr
    /// line instead of a corrupt frame. On Unix descriptor 1 itself is pointed at stderr too (<see cref="ProtocolStdout"/>),
    /// which covers native writes. Call it first thing in <c>Main</c>, before anything else can write.
    /// </summary>
    public static ConnectorHostStreams CaptureStdio()
    {
        var output = OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : ProtocolStdout.Take();
        var input = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        return new ConnectorHostStreams(input, output);
    }
}
