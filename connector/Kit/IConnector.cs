using System.Text.Json;

namespace Logto.ConnectorKit;

/// <summary>
/// The contract a connector implements to be served by the host. Failures are <see cref="ConnectorException"/>s carrying
/// Logto's codes; anything else is a bug and leaves the host as a generic internal error.
/// </summary>
public interface IConnector
{
    ConnectorDescriptor Descriptor { get; }

    /// <summary>
    /// Throws <see cref="ConnectorErrorCode.InvalidConfig"/> with the failing paths when <paramref name="config"/> is
    /// invalid.
    /// </summary>
    void ValidateConfig(JsonElement config);

    /// <summary>
    /// Sends one message; returns the provider's result as JSON. Honours <paramref name="cancellationToken"/> end to
    /// end.
    /// </summary>
    Task<JsonElement> SendMessageAsync(SendMessageCall request, CancellationToken cancellationToken);
}
