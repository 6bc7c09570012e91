using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests;

/// <summary>Every Dockerfile snapshot in the repository is generated output, so each must keep the foundation's contract.</summary>
public sealed class SnapshotDockerfilesTests
{
    public static TheoryData<string> SnapshotDockerfiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.verified.Dockerfile", SearchOption.AllDirectories)
                     .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Snapshots{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SnapshotDockerfiles))]
    public void SnapshotKeepsTheFoundationContract(string relativePath) =>
        Assert.Empty(FoundationChecks.Violations(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath))));

    [Fact]
    public void SnapshotsAreFound() => Assert.True(SnapshotDockerfiles().Count >= 4);
}
