namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// <c>initialize</c>'s result as UTF-8 JSON, and what to do once it is written: its log line, kept off the path of the first
/// answer, which every start of the host waits for.
/// </summary>
internal readonly record struct InitializeAnswer(ReadOnlyMemory<byte> Result, Action Answered);
