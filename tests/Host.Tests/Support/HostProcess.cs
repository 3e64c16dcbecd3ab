using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Logto.ConnectorHost.Protocol;

namespace Host.Tests.Support;

/// <summary>
/// A real host process (`dotnet &lt;dll&gt; args`) driven over its stdin/stdout; stderr is collected for assertions and diagnostics.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    /// <summary>How long a read or an exit may take before the test fails: it bounds failing runs only, so it is generous.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder stderr = new();
    private readonly Stream input;
    private readonly Stream output;

    private HostProcess(Process process)
    {
        Process = process;
        input = process.StandardInput.BaseStream;
        output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, line) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(line.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public static HostProcess StartTestHost(params string[] args) => Start(Artifacts.TestHostDll, args);

    public static HostProcess Start(string dll, IEnumerable<string> args, Action<ProcessStartInfo>? configure = null) =>
        StartProgram("dotnet", [dll, .. args], configure);

    /// <summary>Any program with redirected stdio (e.g. a shell that starts the host as its own child).</summary>
    public static HostProcess StartProgram(string fileName, IEnumerable<string> args, Action<ProcessStartInfo>? configure = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("LOGTO_CONNECTOR_HOST_PARENT_PID");
        start.Environment.Remove("LOGTO_CONNECTOR_HOST_LOG_LEVEL");
        configure?.Invoke(start);
        return new HostProcess(Process.Start(start)!);
    }

    public Task SendAsync(string json) => SendRawAsync(FrameCodec.Encode(json));

    public async Task SendRawAsync(byte[] bytes)
    {
        await input.WriteAsync(bytes);
        await input.FlushAsync();
    }

    /// <summary>The next frame from stdout; fails (with the host's stderr) on timeout, EOF or anything that is not a frame.</summary>
    public async Task<JsonNode> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await FrameCodec.ReadAsync(output, cancellation.Token)
                ?? throw new InvalidDataException("stdout ended" + Diagnostics());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no frame in time" + Diagnostics());
        }
    }

    /// <summary>Reads until stdout ends; returns the frames read (which must all be well-formed).</summary>
    public async Task<List<JsonNode>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var frames = new List<JsonNode>();
        while (await FrameCodec.ReadAsync(output, cancellation.Token) is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    public async Task<JsonNode> RequestAsync(string json)
    {
        await SendAsync(json);
        return await ReadAsync();
    }

    public async Task InitializeAsync()
    {
        var answer = await RequestAsync(Rpc.Initialize("init"));
        Assert.Equal(ProtocolNames.ProtocolVersion, answer["result"]?["protocolVersion"]?.GetValue<string>());
    }

    public void CloseInput() => input.Close();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the host did not exit within {timeout}" + Diagnostics());
        }

        return Process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (e.g. TERM) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = System.Diagnostics.Process.Start(
            "kill", ["-" + signal, Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public string Diagnostics() => $"{Environment.NewLine}--- host stderr ---{Environment.NewLine}{Stderr}";

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }
}
