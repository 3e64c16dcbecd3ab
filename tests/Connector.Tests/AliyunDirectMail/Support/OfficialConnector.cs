using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>
/// Runs Logto's official <c>@logto/connector-aliyun-dm</c> under <c>node</c> (Scripts/official-send.mjs) against a sandbox.
/// A missing <c>node</c> fails the calling test: parity is not optional.
/// </summary>
internal static class OfficialConnector
{
    public static async Task<JsonElement> SendAsync(Uri sandbox, JsonObject config, JsonObject data, JsonObject? i18nTemplate)
    {
        var input = new JsonObject
        {
            ["sandbox"] = sandbox.ToString(),
            ["config"] = config.DeepClone(),
            ["data"] = data.DeepClone(),
            ["i18nTemplate"] = i18nTemplate?.DeepClone(),
        };
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryPaths.TestScripts, "official-send.mjs")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"official-send.mjs exited with {process.ExitCode}: {await stderr}");
        }

        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
