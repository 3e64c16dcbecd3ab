namespace Logto.ConnectorHost.Protocol;

/// <summary>Protocol v1's version string and method names.</summary>
public static class ProtocolNames
{
    public const string ProtocolVersion = "1";
    public const string JsonRpcVersion = "2.0";

    public const string Initialize = "initialize";
    public const string Ping = "ping";
    public const string Describe = "describe";
    public const string ValidateConfig = "validateConfig";
    public const string SendMessage = "sendMessage";
    public const string CancelRequest = "$/cancelRequest";

    internal static readonly string[] SupportedProtocolVersions = [ProtocolVersion];
}
