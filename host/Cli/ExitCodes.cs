namespace Logto.ConnectorHost.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and the answer is "no": an invalid config, a failed send.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, an unreadable file, a file that is not JSON, an unknown connector id.</summary>
    public const int Usage = 2;
}
