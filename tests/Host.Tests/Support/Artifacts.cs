namespace Host.Tests.Support;

/// <summary>Where the built executables and the repository's committed files are.</summary>
internal static class Artifacts
{
    public static string TestHostDll => Path.Combine(AppContext.BaseDirectory, "Host.TestHost.dll");

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "logto-connector-host.dll");

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string RepoFile(string relativePath) => Path.Combine(RepoRoot, relativePath);

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogtoDotnetConnector.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LogtoDotnetConnector.slnx not found above the test output directory.");
    }
}
