namespace Logto.Connector.AliyunSandbox.Http;

/// <summary>What the server calls for each request; the server only frames bytes.</summary>
internal interface IHttpRequestHandler
{
    /// <returns>The answer, or null to close the connection without answering (the client already went away).</returns>
    ValueTask<SandboxHttpResponse?> HandleAsync(
        SandboxHttpRequest request, IClientConnection connection, CancellationToken cancellationToken);

    /// <summary>The answer to a request that could not be parsed (the connection is closed after it).</summary>
    SandboxHttpResponse OnProtocolError(MalformedRequestException error);
}

/// <summary>The client side of the connection a request came on.</summary>
internal interface IClientConnection
{
    /// <summary>Waits <paramref name="delay"/>; returns false as soon as the client closes or resets the connection.</summary>
    Task<bool> DelayWhileConnectedAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken);
}
