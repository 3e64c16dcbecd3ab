using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>A protocol-level failure a handler answers with; its message is a fixed, safe text.</summary>
internal sealed class JsonRpcException : Exception
{
    public JsonRpcException(int code, string message, JsonElement? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public int Code { get; }

    public JsonElement? ErrorData { get; }

    public JsonRpcError ToError() => new() { Code = Code, Message = Message, Data = ErrorData };
}
