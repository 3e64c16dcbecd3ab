using Logto.ConnectorHost;
using Logto.ConnectorHost.Cli;

// First, before anything else can write: the real stdout is kept for frames (and the commands' output), and Console.Out is
// pointed at stderr, so a stray Console.WriteLine in a connector or a library cannot corrupt the protocol stream.
var stdio = ConnectorHostStreams.CaptureStdio();
return await HostCli.RunAsync(args, stdio);
