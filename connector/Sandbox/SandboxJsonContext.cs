using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.Connector.AliyunDirectMail.Sandbox.Wire;

namespace Logto.Connector.AliyunDirectMail.Sandbox;

/// <summary>Every type the sandbox reads or writes as JSON (source-generated: the sandbox runs inside the Native AOT host).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
// Direct Mail wire
[JsonSerializable(typeof(AliyunErrorBody))]
[JsonSerializable(typeof(SingleSendMailResult))]
// Control API and outbox files
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(OutboxMessageJson))]
[JsonSerializable(typeof(IReadOnlyList<OutboxMessageJson>))]
[JsonSerializable(typeof(IReadOnlyList<ExchangeJson>))]
[JsonSerializable(typeof(ControlError))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Output as Aliyun writes it: <c>"</c> as <c>\"</c>, and <c>&amp;</c>, markup and non-ASCII left as they are
    /// (the default encoder would write <c>\u0022</c>, <c>\u0026</c>, …). Nothing here is embedded in HTML.
    /// </summary>
    public static SandboxJsonContext Output { get; } =
        new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The same, indented, for the outbox files.</summary>
    public static SandboxJsonContext IndentedOutput { get; } =
        new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
}
