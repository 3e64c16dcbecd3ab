using System.Text.Json;
using Logto.Connector.AliyunSandbox.Http;
using Logto.Connector.AliyunSandbox.Outbox;
using Logto.Connector.AliyunSandbox.Rpc;
using Logto.Connector.AliyunSandbox.Wire;

namespace Logto.Connector.AliyunSandbox.Control;

/// <summary>
/// The sandbox's own HTTP API, for Node tests, the demo and the CLI:
/// <c>GET|DELETE /_sandbox/outbox</c> (mail), <c>GET|DELETE /_sandbox/sms-outbox</c>, <c>POST /_sandbox/fault</c>,
/// <c>GET /_sandbox/exchanges</c>.
/// </summary>
internal sealed class ControlEndpoint(
    SandboxOutbox<SandboxMessage> outbox, SandboxOutbox<SandboxSms> smsOutbox, ExchangeLog exchanges, FaultSwitch faults)
{
    public const string Prefix = "/_sandbox/";

    private const string JsonType = "application/json; charset=utf-8";

    public SandboxHttpResponse Handle(SandboxHttpRequest request) => (request.Path, request.Method) switch
    {
        ("/_sandbox/outbox", "GET") => Json(
            outbox.Snapshot().Select(OutboxMessageJson.From).ToList(),
            SandboxJsonContext.Output.IReadOnlyListOutboxMessageJson),
        ("/_sandbox/outbox", "DELETE") => Cleared(outbox.Clear),
        ("/_sandbox/sms-outbox", "GET") => Json(
            smsOutbox.Snapshot().Select(OutboxSmsJson.From).ToList(),
            SandboxJsonContext.Output.IReadOnlyListOutboxSmsJson),
        ("/_sandbox/sms-outbox", "DELETE") => Cleared(smsOutbox.Clear),
        ("/_sandbox/exchanges", "GET") => Json(
            exchanges.Snapshot().Select(ExchangeJson.From).ToList(),
            SandboxJsonContext.Output.IReadOnlyListExchangeJson),
        ("/_sandbox/fault", "POST") => SetFault(request.Body),
        ("/_sandbox/outbox" or "/_sandbox/sms-outbox", _) => NotAllowed("GET, DELETE"),
        ("/_sandbox/exchanges", _) => NotAllowed("GET"),
        ("/_sandbox/fault", _) => NotAllowed("POST"),
        _ => Problem(404, "No such sandbox endpoint: use /_sandbox/outbox, /_sandbox/sms-outbox, /_sandbox/fault or /_sandbox/exchanges."),
    };

    private static SandboxHttpResponse Cleared(Action clear)
    {
        clear();
        return SandboxHttpResponse.Empty(204);
    }

    private SandboxHttpResponse SetFault(byte[] body)
    {
        FaultRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, SandboxJsonContext.Default.FaultRequest);
        }
        catch (JsonException)
        {
            return Problem(400, """Expected {"kind":"<fault kind>","count":<optional int>,"delayMs":<optional int>}.""");
        }

        if (request is null || !Enum.TryParse<SandboxFaultKind>(request.Kind, ignoreCase: true, out var kind) ||
            !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            return Problem(400, "Unknown fault kind; one of: " + string.Join(", ", Enum.GetNames<SandboxFaultKind>()) + ".");
        }

        try
        {
            faults.Set(new SandboxFault(kind, request.Count ?? int.MaxValue, TimeSpan.FromMilliseconds(request.DelayMs ?? 0)));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Problem(400, "count must be positive, and delayMs positive for a Delay fault.");
        }

        return SandboxHttpResponse.Empty(204);
    }

    private static SandboxHttpResponse Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(200, JsonType, JsonSerializer.SerializeToUtf8Bytes(value, type));

    private static SandboxHttpResponse NotAllowed(string allow) =>
        Problem(405, "Method not allowed here; allowed: " + allow + ".") with { Headers = [new("Allow", allow)] };

    private static SandboxHttpResponse Problem(int status, string error) =>
        new(
            status,
            JsonType,
            JsonSerializer.SerializeToUtf8Bytes(new ControlError { Error = error }, SandboxJsonContext.Output.ControlError));
}
