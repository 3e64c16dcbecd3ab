using System.Text;
using System.Text.Json;
using Logto.Connector.AliyunSandbox.Wire;

namespace Logto.Connector.AliyunSandbox.Outbox;

/// <summary>
/// Writes each accepted mail as <c>&lt;EnvId&gt;.eml</c> and <c>&lt;EnvId&gt;.json</c>, each accepted SMS as
/// <c>&lt;BizId&gt;.sms.json</c>; each file appears whole (write, then rename).
/// </summary>
internal sealed class OutboxFileWriter
{
    private readonly string directory;

    public OutboxFileWriter(string directory)
    {
        this.directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(this.directory);
    }

    public void Write(SandboxMessage message)
    {
        WriteWhole(message.EnvId + ".eml", Encoding.ASCII.GetBytes(EmlFormatter.Format(message)));
        WriteWhole(
            message.EnvId + ".json",
            JsonSerializer.SerializeToUtf8Bytes(OutboxMessageJson.From(message), SandboxJsonContext.IndentedOutput.OutboxMessageJson));
    }

    public void Write(SandboxSms sms) =>
        WriteWhole(
            sms.BizId + ".sms.json",
            JsonSerializer.SerializeToUtf8Bytes(OutboxSmsJson.From(sms), SandboxJsonContext.IndentedOutput.OutboxSmsJson));

    private void WriteWhole(string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        var partial = path + ".partial";
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, path, overwrite: true);
    }
}
