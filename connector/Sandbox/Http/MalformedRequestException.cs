namespace Logto.Connector.AliyunSandbox.Http;

/// <summary>A request the server will not parse; answered with <see cref="Status"/> and the connection closed.</summary>
internal sealed class MalformedRequestException : Exception
{
    public MalformedRequestException()
    {
    }

    public MalformedRequestException(string message)
        : base(message)
    {
    }

    public MalformedRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MalformedRequestException(int status, string message)
        : base(message) => Status = status;

    public int Status { get; } = 400;
}
