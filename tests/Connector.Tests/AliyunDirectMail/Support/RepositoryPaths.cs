namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>The repository root (the folder holding package.json above the test binaries) and its installed node_modules.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string ConnectorKitIndex => Path.Combine(NodeModules, "@logto", "connector-kit", "lib", "index.js");

    public static string TestScripts => Path.Combine(Root, "tests", "Connector.Tests", "AliyunDirectMail", "Scripts");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No package.json above {AppContext.BaseDirectory}; run the tests inside the repository.");
    }
}
