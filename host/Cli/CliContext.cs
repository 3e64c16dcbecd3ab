namespace Logto.ConnectorHost.Cli;

/// <summary>What every command writes to: the captured real stdout (as text), and stderr.</summary>
internal sealed record CliContext(ConnectorHostStreams Stdio, TextWriter Out, TextWriter Error);
