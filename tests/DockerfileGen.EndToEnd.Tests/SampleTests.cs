using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

[Trait("Category", "build")]
[Collection(PackedPackageCollection.Name)]
public sealed class SampleTests
{
    private readonly PackedPackage package;

    public SampleTests(PackedPackage package) => this.package = package;

    [Theory]
    [InlineData("WebApi", "aspnet:10.0-noble-chiseled-extra")]
    [InlineData("ConsoleApp", "runtime:8.0-noble-chiseled-extra")]
    [InlineData("AotApp", "runtime-deps:10.0-noble-chiseled")]
    public void SampleBuildsTwiceWithThePackedPackage(string sample, string runtimeImage)
    {
        using var temp = new TempDirectory("dfg-sample");
        var directory = package.CopySample(sample, temp);
        var dockerfile = Path.Combine(directory, "Dockerfile");
        var ignoreFile = Path.Combine(directory, ".dockerignore");

        var first = package.Build(directory).EnsureSuccess($"first build of {sample}");

        Assert.Contains($"DockerfileGen: wrote Dockerfile and .dockerignore in {directory}", first.Output);
        Assert.Contains(" 0 Warning(s)", first.Output);
        Assert.True(Directory.Exists(Path.Combine(package.PackagesFolder, "dockerfilegen", package.Version)), "restored from the private feed into the private folder");
        var content = File.ReadAllText(dockerfile);
        Assert.Empty(FoundationChecks.Violations(content));
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/{runtimeImage} AS final", content);

        Snapshot.Match(content, "Dockerfile", sample);
        Snapshot.Match(File.ReadAllText(ignoreFile), "dockerignore", sample);
        // The samples set DockerfileGenBakeFile=false: outside a repository the Bake file would be the project folder's.
        Assert.Empty(Directory.GetFiles(temp.Path, "*.hcl", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(temp.Path, "DockerfileGen.bake", SearchOption.AllDirectories));

        var times = (File.GetLastWriteTimeUtc(dockerfile), File.GetLastWriteTimeUtc(ignoreFile));
        var second = package.Build(directory, "-v:d").EnsureSuccess($"second build of {sample}");

        Assert.Contains("Skipping target \"_DockerfileGenGenerate\" because all output files are up-to-date", second.Output);

        // The packed validator ran on the generated file, and found nothing (the first build had no warning either).
        Assert.Contains("Done executing task \"ValidateDockerfile\"", second.Output);
        Assert.DoesNotContain(": warning DFG", second.Output);
        Assert.Equal(times, (File.GetLastWriteTimeUtc(dockerfile), File.GetLastWriteTimeUtc(ignoreFile)));
    }

    [Fact]
    public void ReadmeShowsTheWebApiDockerfileAsGenerated()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("```dockerfile\n", StringComparison.Ordinal) + "```dockerfile\n".Length;
        var shown = readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        var snapshot = Path.Combine(SnapshotDirectory(), "SampleTests.SampleBuildsTwiceWithThePackedPackage_WebApi.verified.Dockerfile");

        Assert.Equal(File.ReadAllText(snapshot), shown);
    }

    private static string SnapshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
}
