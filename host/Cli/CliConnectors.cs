using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSms;
using Logto.ConnectorHost.Logging;
using Logto.ConnectorKit;
using Microsoft.Extensions.Logging;

namespace Logto.ConnectorHost.Cli;

/// <summary>The connectors this executable serves: the one place to add another (no assembly is loaded at run time).</summary>
internal static class CliConnectors
{
    /// <summary>
    /// Built by hand, not by a DI container, for the reason <see cref="ConnectorHostRunner"/> serves without one: under
    /// Native AOT a container builds its open generics with the run-time type loader, which slows the host's start. Each logs
    /// under its type's full name, given as text (<see cref="CategoryLogger{T}"/> says why; a test holds them equal).
    /// </summary>
    public static IReadOnlyList<IConnector> Create(ConnectorDependencies dependencies) =>
    [
        new AliyunDirectMailConnector(
            dependencies.HttpClientFactory,
            dependencies.LoggerFactory.CreateLogger<AliyunDirectMailConnector>(
                "Logto.Connector.AliyunDirectMail.AliyunDirectMailConnector"),
            timeProvider: dependencies.TimeProvider),
        new AliyunSmsConnector(
            dependencies.HttpClientFactory,
            dependencies.LoggerFactory.CreateLogger<AliyunSmsConnector>("Logto.Connector.AliyunSms.AliyunSmsConnector"),
            timeProvider: dependencies.TimeProvider),
    ];

    /// <summary>
    /// Logging to stderr at <paramref name="logLevel"/>, pooled HTTP, the system clock: what every command builds
    /// connectors with.
    /// </summary>
    public static ConnectorDependencies CreateDependencies(LogLevel logLevel) => new(StderrLoggerProvider.CreateFactory(logLevel));

    /// <summary>The connector <paramref name="connectorId"/> names (or the only one); null after telling the user why not.</summary>
    public static IConnector? Select(IReadOnlyList<IConnector> connectors, string? connectorId, TextWriter error)
    {
        var known = string.Join(", ", connectors.Select(connector => connector.Descriptor.Id));
        if (connectorId is null)
        {
            if (connectors.Count == 1)
            {
                return connectors[0];
            }

            error.WriteLine($"error: this host serves several connectors ({known}); choose one with --connector");
            return null;
        }

        var match = connectors.FirstOrDefault(connector => connector.Descriptor.Id == connectorId);
        if (match is null)
        {
            error.WriteLine($"error: no connector '{connectorId}'; this host serves: {known}");
        }

        return match;
    }
}
