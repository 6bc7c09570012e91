using System.Text.RegularExpressions;
using DockerfileGen.Rendering;

namespace DockerfileGen.Tasks.Tests;

/// <summary>The solution's Bake file as real parallel builds of a solution write it.</summary>
[Trait("Category", "build")]
[Collection(DotNetBuildCollection.Name)]
public sealed class BakeFileTests
{
    private static string[] TargetNames(string text) =>
        Regex.Matches(text, "^target \"([^\"]+)\"", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

    [Fact]
    public void ParallelBuildsOfASolutionKeepOneTargetPerServiceEveryTime()
    {
        using var solution = new TempSolution();

        // Each round starts without the file and without the services' targets, so all three services write theirs and
        // update the file at once, in the build's parallel nodes.
        for (var round = 0; round < 5; round++)
        {
            foreach (var file in TempSolution.Services.Select(solution.TargetState).Append(solution.BakeFile).Where(File.Exists))
            {
                File.Delete(file);
            }

            var result = solution.Build();

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.DoesNotContain("DFG011", result.Output);
            var text = File.ReadAllText(solution.BakeFile);
            Assert.True(GeneratedFileMarker.IsUnedited(text), text);
            Assert.Equal(new[] { "admin", "api", "worker" }, TargetNames(text));
            Assert.Contains("  targets = [\"admin\", \"api\", \"worker\"]\n", text);
        }

        Assert.False(File.Exists(solution.TargetState("Shared")));
        Assert.False(File.Exists(solution.TargetState("Shared.Tests")));
    }

    [Fact]
    public void AServiceTurnedOffLeavesTheFileAndAnUnchangedBuildLeavesItAlone()
    {
        using var solution = new TempSolution();
        solution.Build().EnsureSuccess("first build");
        var written = File.GetLastWriteTimeUtc(solution.BakeFile);

        solution.Build().EnsureSuccess("second build");

        Assert.Equal(written, File.GetLastWriteTimeUtc(solution.BakeFile));

        var result = solution.Build("-p:DockerfileGenEnabled=false");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(TargetNames(File.ReadAllText(solution.BakeFile)));
        Assert.False(File.Exists(solution.TargetState("Api")));

        var single = Testing.DotNet.Build(Path.Combine(solution.Root, "src", "Worker"), $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}");

        Assert.True(single.ExitCode == 0, single.Output);
        Assert.Equal(new[] { "worker" }, TargetNames(File.ReadAllText(solution.BakeFile)));
    }
}
