using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Logto.ConnectorHost.Dispatch;
using Logto.ConnectorHost.Logging;
using Logto.ConnectorHost.Protocol;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Connectors;

/// <summary>
/// Protocol v1's methods over the served connectors: <c>initialize</c>, <c>describe</c>, <c>validateConfig</c>,
/// <c>sendMessage</c>. Connector failures become -32000 with Logto's code and the error's data, secrets redacted; anything else
/// a connector throws is a bug, logged (redacted) and answered as a bare -32603.
/// </summary>
internal sealed class ConnectorMethods : IRpcMethods
{
    private static readonly JsonElement EmptyResultElement = JsonRpcReplies.EmptyResult;

    private readonly ConnectorRegistry registry;
    private readonly ILogger logger;
    private readonly byte[] initializeResult;

    public ConnectorMethods(ConnectorRegistry registry, string hostName, string hostVersion, ILogger logger)
    {
        this.registry = registry;
        this.logger = logger;
        initializeResult = BuildInitializeResult(registry, hostName, hostVersion);
    }

    /// <summary>
    /// <c>{ protocolVersion, host: { name, version }, connectors: [{ id, type }] }</c> as UTF-8 JSON, built once and written by
    /// hand rather than through <see cref="HostJsonContext"/>: the source-generated metadata of a type is created on its first
    /// use, reading the type's polymorphism attributes by reflection, and these types would be the only ones to need it before
    /// the first answer. Metadata and config schemas are left to <c>describe</c>: the bridge needs neither to start, and they
    /// would make the answer every start waits for twenty times larger.
    /// </summary>
    private static byte[] BuildInitializeResult(ConnectorRegistry registry, string hostName, string hostVersion)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WireEncoding.PlainWriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("protocolVersion"u8);
            WireEncoding.WriteStringValue(writer, ProtocolNames.ProtocolVersion);
            writer.WriteStartObject("host"u8);
            writer.WritePropertyName("name"u8);
            WireEncoding.WriteStringValue(writer, hostName);
            writer.WritePropertyName("version"u8);
            WireEncoding.WriteStringValue(writer, hostVersion);
            writer.WriteEndObject();
            writer.WriteStartArray("connectors"u8);
            foreach (var descriptor in registry.Connectors.Select(connector => connector.Descriptor))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("id"u8);
                WireEncoding.WriteStringValue(writer, descriptor.Id);
                writer.WritePropertyName("type"u8);
                WireEncoding.WriteStringValue(writer, descriptor.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public InitializeAnswer Initialize(JsonElement? parameters)
    {
        var request = InitializeParamsReader.Read(parameters);
        if (request.ProtocolVersion != ProtocolNames.ProtocolVersion)
        {
            throw RpcErrors.UnsupportedProtocolVersion(request.ProtocolVersion);
        }

        return new InitializeAnswer(initializeResult, () => logger.Initialized(
            request.Client is { } client ? LogText.Safe(client.Name) : "(unnamed client)",
            request.Client is { } known ? LogText.Safe(known.Version) : "",
            request.ProtocolVersion,
            string.Join(", ", registry.Ids)));
    }

    public bool TryGetMethod(string name, [NotNullWhen(true)] out RpcMethod? method)
    {
        method = name switch
        {
            ProtocolNames.Describe => DescribeAsync,
            ProtocolNames.ValidateConfig => ValidateConfigAsync,
            ProtocolNames.SendMessage => SendMessageAsync,
            _ => null,
        };
        return method is not null;
    }

    private Task<JsonElement> DescribeAsync(JsonElement? parameters, CancellationToken cancellationToken)
    {
        var request = ParamsBinder.Bind(parameters, HostJsonContext.Wire.DescribeParams);
        return Task.FromResult(registry.Resolve(request.ConnectorId).Description);
    }

    private Task<JsonElement> ValidateConfigAsync(JsonElement? parameters, CancellationToken cancellationToken)
    {
        var request = ParamsBinder.Bind(parameters, HostJsonContext.Wire.ValidateConfigParams);
        var connector = registry.Resolve(request.ConnectorId);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            connector.Connector.ValidateConfig(request.Config);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw Translate(exception, ProtocolNames.ValidateConfig, connector, request.Config);
        }

        return Task.FromResult(EmptyResultElement);
    }

    private async Task<JsonElement> SendMessageAsync(JsonElement? parameters, CancellationToken cancellationToken)
    {
        var request = ParamsBinder.Bind(parameters, HostJsonContext.Wire.SendMessageParams);
        var connector = registry.Resolve(request.ConnectorId);
        var call = new SendMessageCall(SendMessageDataReader.Read(request), request.Config, request.Template);
        try
        {
            var result = await connector.Connector.SendMessageAsync(call, cancellationToken).ConfigureAwait(false);
            return result.ValueKind == JsonValueKind.Undefined ? EmptyResultElement : result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Translate(exception, ProtocolNames.SendMessage, connector, request.Config);
        }
    }

    private JsonRpcException Translate(Exception exception, string method, RegisteredConnector connector, JsonElement config)
    {
        var redactor = SecretRedactor.ForConfig(config, connector.SecretFields);
        if (exception is ConnectorException failure)
        {
            var code = failure.Code.ToWire();
            logger.ConnectorFailed(method, connector.Id, code);
            var data = new ConnectorErrorData
            {
                Code = code,
                Data = failure.ErrorData is null
                    ? null
                    : redactor.Redact(JsonSerializer.SerializeToElement(failure.ErrorData, HostJsonContext.Wire.JsonNode)),
            };
            return new JsonRpcException(
                JsonRpcErrorCodes.ConnectorError,
                "Connector error: " + code,
                JsonSerializer.SerializeToElement(data, HostJsonContext.Wire.ConnectorErrorData));
        }

        logger.ConnectorBug(method, connector.Id, exception.GetType().FullName ?? "Exception", redactor.Redact(exception.ToString()));
        var internalError = RpcErrors.Internal();
        return new JsonRpcException(internalError.Code, internalError.Message);
    }
}
