using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

public sealed class SnapshotFilesTests
{
    [Fact]
    public void NoLeftoverOrOrphanedSnapshots() =>
        Assert.Empty(SnapshotInventory.Problems(typeof(SnapshotFilesTests).Assembly, ProjectDirectory()));

    private static string ProjectDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetDirectoryName(file)!;
}
