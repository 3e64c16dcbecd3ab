using System.Runtime.CompilerServices;

namespace Connector.Tests.Schema;

/// <summary>
/// A committed file that code generates (config schema, manifest). <see cref="AssertUpToDate"/> fails when the committed text
/// differs from the generated one; with <c>UPDATE_GENERATED=1</c> it rewrites the file instead (then commit it).
/// </summary>
internal static class GeneratedFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1";

    /// <summary>
    /// The repository root: the folder holding <c>LogtoDotnetConnector.slnx</c> above the test binaries (or this source file).
    /// </summary>
    public static string RepositoryRoot { get; } = FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory())
        ?? throw new InvalidOperationException("LogtoDotnetConnector.slnx not found above " + AppContext.BaseDirectory);

    public static string PathOf(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    public static void AssertUpToDate(string relativePath, string generated)
    {
        var path = PathOf(relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing; run the tests with UPDATE_GENERATED=1 to create it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            committed == generated,
            $"{relativePath} is out of date with the code that generates it; " +
            "run the tests with UPDATE_GENERATED=1 and commit the result.\n" +
            $"--- generated ---\n{generated}");
    }

    private static string? FindRoot(string? start)
    {
        for (var dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "LogtoDotnetConnector.slnx")))
            {
                return dir;
            }
        }

        return null;
    }

    private static string? SourceDirectory([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile);
}
