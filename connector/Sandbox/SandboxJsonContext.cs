using System.Text.Json.Serialization;
using Logto.Connector.AliyunDirectMail.Sandbox.Wire;

namespace Logto.Connector.AliyunDirectMail.Sandbox;

/// <summary>Every type the sandbox reads or writes as JSON (source-generated: the sandbox runs inside the Native AOT host).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
// Direct Mail wire
[JsonSerializable(typeof(AliyunErrorBody))]
[JsonSerializable(typeof(SingleSendMailResult))]
// Control API and outbox files
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(OutboxMessageJson))]
[JsonSerializable(typeof(IReadOnlyList<OutboxMessageJson>))]
[JsonSerializable(typeof(IReadOnlyList<ExchangeJson>))]
[JsonSerializable(typeof(ControlError))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
