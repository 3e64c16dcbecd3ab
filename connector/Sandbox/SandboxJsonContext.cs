using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Logto.Connector.AliyunSandbox.Wire;

namespace Logto.Connector.AliyunSandbox;

/// <summary>Every type the sandbox reads or writes as JSON (source-generated, so that the sandbox can be published Native AOT).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
// Aliyun wire
[JsonSerializable(typeof(AliyunErrorBody))]
[JsonSerializable(typeof(BusinessErrorBody))]
[JsonSerializable(typeof(SingleSendMailResult))]
[JsonSerializable(typeof(SendSmsResult))]
// Control API and outbox files
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(OutboxMessageJson))]
[JsonSerializable(typeof(IReadOnlyList<OutboxMessageJson>))]
[JsonSerializable(typeof(OutboxSmsJson))]
[JsonSerializable(typeof(IReadOnlyList<OutboxSmsJson>))]
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
