using System.Diagnostics;
using System.Net;
using Connector.Tests.Sandbox.Support;

namespace Connector.Tests.Sandbox.Cli;

/// <summary>The <c>logto-aliyun-sandbox</c> executable as scripts run it: a real process, read through its stdout and stderr.</summary>
public sealed class SandboxProgramTests
{
    private const string Canary = "canary-sandbox-secret-7f3a";
    private static readonly HttpClient Client = new();
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Prints_its_endpoint_first_serves_mail_and_sms_with_the_secret_from_the_environment_and_exits_when_stdin_closes()
    {
        var directory = Directory.CreateTempSubdirectory("sandbox-program-").FullName;
        try
        {
            using var sandbox = Start("--port", "0", "--outbox-dir", directory);
            var endpoint = new Uri(await ReadLineAsync(sandbox.StandardOutput));
            var stderr = sandbox.StandardError.ReadToEndAsync();

            using var sms = await Client.PostAsync(endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness(), secret: Canary));
            using var mail = await Client.PostAsync(endpoint, SignedRequest.Sign(SignedRequest.Business(), secret: Canary));
            using var defaultSecret = await Client.PostAsync(endpoint, SignedRequest.SignSms(SignedRequest.SmsBusiness()));
            var smsOutbox = await Client.GetStringAsync(new Uri(endpoint, "/_sandbox/sms-outbox"));
            sandbox.StandardInput.Close();

            Assert.True(await ExitedAsync(sandbox), "the sandbox did not exit after its stdin closed");
            Assert.Equal(0, sandbox.ExitCode);
            Assert.Equal(("127.0.0.1", "/"), (endpoint.Host, endpoint.AbsolutePath));
            Assert.Equal("OK", (await sms.ReadJsonAsync()).Text("Code"));
            Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
            Assert.Equal("SignatureDoesNotMatch", (await defaultSecret.ReadJsonAsync()).Text("Code"));
            Assert.Contains("\"phoneNumbers\":\"13800138000\"", smsOutbox, StringComparison.Ordinal);
            Assert.Equal(3, Directory.GetFiles(directory).Length);
            Assert.Single(Directory.GetFiles(directory, "*.sms.json"));
            var log = await stderr;
            Assert.Contains("Accepted SendSms", log, StringComparison.Ordinal);
            Assert.Contains("Accepted SingleSendMail", log, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, log, StringComparison.Ordinal);
            Assert.Equal("", await sandbox.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Stops_on_sigterm_with_stdin_still_open()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no SIGTERM there
        }

        using var sandbox = Start("--log-level", "warning");
        await ReadLineAsync(sandbox.StandardOutput);

        using (var kill = Process.Start("kill", ["-TERM", sandbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(await ExitedAsync(sandbox), "the sandbox did not exit on SIGTERM");
        Assert.Equal(0, sandbox.ExitCode);
    }

    [Theory]
    [InlineData("--port", "65536")]
    [InlineData("--log-level", "loud")]
    [InlineData("--unknown")]
    public async Task Refuses_bad_arguments_with_a_nonzero_exit_and_no_endpoint(params string[] arguments)
    {
        using var sandbox = Start(arguments);
        sandbox.StandardInput.Close();
        var stdout = await sandbox.StandardOutput.ReadToEndAsync();

        Assert.True(await ExitedAsync(sandbox), "the sandbox did not exit");
        Assert.NotEqual(0, sandbox.ExitCode);
        Assert.DoesNotContain("http://", stdout, StringComparison.Ordinal);
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "logto-aliyun-sandbox.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOGTO_SANDBOX_ACCESS_KEY_SECRET"] = Canary;
        return Process.Start(start)!;
    }

    private static async Task<string> ReadLineAsync(StreamReader output)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        return await output.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("the sandbox closed stdout without an endpoint");
    }

    private static async Task<bool> ExitedAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            return false;
        }
    }
}
