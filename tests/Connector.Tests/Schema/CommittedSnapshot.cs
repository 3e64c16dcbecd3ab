using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Connector.Tests.Schema;

/// <summary>
/// Snapshooter with one fix: a missing snapshot is created and the test passes, so on CI (<c>CI=true</c>) a missing
/// <c>__snapshots__/&lt;Class&gt;.&lt;Test&gt;.snap</c> fails instead — every snapshot must be committed.
/// </summary>
internal static class CommittedSnapshot
{
    public static void Match<TTest>(JsonNode value, [CallerMemberName] string test = "", [CallerFilePath] string testFile = "")
    {
        // Snapshooter puts the file in a __snapshots__ folder below the given one.
        var name = new SnapshotFullName($"{typeof(TTest).Name}.{test}.snap", Path.GetDirectoryName(testFile)!);
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            var path = Path.Combine(name.FolderPath, "__snapshots__", name.Filename);
            Assert.True(File.Exists(path), $"Snapshot {path} is missing; run the test locally to create it, review it and commit it.");
        }

        Snapshot.Match(JToken.Parse(value.ToJsonString()), name);
    }
}
