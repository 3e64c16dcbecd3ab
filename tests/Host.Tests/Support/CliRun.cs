using System.Diagnostics;

namespace Host.Tests.Support;

/// <summary>One run of the real CLI (`dotnet logto-connector-host.dll args`): exit code, stdout and stderr as text.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Artifacts.CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("LOGTO_CONNECTOR_HOST_LOG_LEVEL");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HostProcess.DefaultTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
