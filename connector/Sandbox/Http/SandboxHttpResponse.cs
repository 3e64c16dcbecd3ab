using System.Text;

namespace Logto.Connector.AliyunSandbox.Http;

/// <summary>What to send back. <see cref="ResetAfterPartialBody"/> sends the head and half the body, then resets the connection.</summary>
internal sealed record SandboxHttpResponse(int Status, string ContentType, byte[] Body)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public bool ResetAfterPartialBody { get; init; }

    public static SandboxHttpResponse Text(int status, string text) =>
        new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    public static SandboxHttpResponse Empty(int status) => new(status, "text/plain; charset=utf-8", []);

    public static string ReasonPhrase(int status) => status switch
    {
        100 => "Continue",
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    };
}
