using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

/// <summary>
/// samples/MultiProject with DockerfileGen added to its API project (as a user adds it: a PackageReference,
/// its version in the central package versions), then the generated Dockerfile played without Docker.
/// </summary>
[Trait("Category", "build")]
[Collection(PackedPackageCollection.Name)]
public sealed class MultiProjectTests
{
    private readonly PackedPackage package;

    public MultiProjectTests(PackedPackage package) => this.package = package;

    private string buildOutput = "";

    private (TempDirectory Temp, string Root, string Api) Prepare()
    {
        var temp = new TempDirectory("dfg-multi");
        var root = package.CopySample("MultiProject", temp);
        var api = Path.Combine(root, "src", "Api");
        var versions = Path.Combine(root, "build", "Versions.props");
        File.WriteAllText(versions, File.ReadAllText(versions).Replace(
            "  </ItemGroup>", $"    <PackageVersion Include=\"DockerfileGen\" Version=\"{package.Version}\" />\n  </ItemGroup>"));
        var project = Path.Combine(api, "Api.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>", "  <ItemGroup>\n    <PackageReference Include=\"DockerfileGen\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>"));
        buildOutput = package.Build(api).EnsureSuccess("build of the API").Output;
        return (temp, root, api);
    }

    [Fact]
    public void DockerfileCopiesTheWholeGraphAndNothingElse()
    {
        var (temp, _, api) = Prepare();
        using var _ = temp;

        var dockerfile = File.ReadAllText(Path.Combine(api, "Dockerfile"));
        Assert.Empty(FoundationChecks.Violations(dockerfile));
        Assert.Contains("src/Infrastructure/Infrastructure.csproj", dockerfile);
        Assert.Contains("build/Versions.props", dockerfile);
        Assert.Contains("COPY [\"shared/BuildInfo.cs\", \"shared/\"]", dockerfile);
        Assert.Contains("--locked-mode", dockerfile);
        Snapshot.Match(dockerfile, "Dockerfile");
        Snapshot.Match(File.ReadAllText(Path.Combine(api, "Dockerfile.dockerignore")), "dockerignore", "ignore");
        Assert.False(File.Exists(Path.Combine(api, ".dockerignore")));

        // The validator ran on it with the generated context: a finding on our own output is a bug.
        Assert.DoesNotContain("warning DFG", buildOutput);
        Assert.DoesNotContain("error DFG", buildOutput);
    }

    [Fact]
    public void RestoreAndPublishSucceedFromExactlyTheCopiedFiles()
    {
        var (temp, root, api) = Prepare();
        using var _ = temp;
        var simulator = new LayerSimulator(root, File.ReadAllText(Path.Combine(api, "Dockerfile")), File.ReadAllText(Path.Combine(api, "Dockerfile.dockerignore")), Path.Combine(temp.Path, "stage"));

        // Restore layer: only the restore inputs, then the Dockerfile's own restore command.
        var restoreAt = simulator.Apply(0, "dotnet restore", run: false, package.ContainerEnvironment);
        var restoreInputs = simulator.Snapshot();
        Assert.DoesNotContain(restoreInputs.Keys, f => f.EndsWith(".cs", StringComparison.Ordinal));
        simulator.Run(simulator.RestoreCommand.Substring(4), "/src", package.ContainerEnvironment);

        // Source layer and publish: the entrypoint's file must come out.
        simulator.Apply(restoreAt + 1, null, run: true, package.ContainerEnvironment);
        var entrypoint = Regex.Match(File.ReadAllText(Path.Combine(api, "Dockerfile")), @"ENTRYPOINT \[""\./([^""]+)""\]").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(simulator.Host("/app"), entrypoint)), $"publish produced no {entrypoint}");
        // The referenced projects' outputs went to their own layer's folder, and only there.
        Assert.True(File.Exists(Path.Combine(simulator.Host("/layers/projects/app"), "Domain.dll")), "Domain.dll is not in the projects layer");
        Assert.True(File.Exists(Path.Combine(simulator.Host("/layers/projects/app"), "Domain.pdb")), "Domain.pdb is not in the projects layer");
        Assert.False(File.Exists(Path.Combine(simulator.Host("/app"), "Domain.dll")), "Domain.dll stayed in the app's layer");
        Assert.True(File.Exists(Path.Combine(simulator.Host("/app"), "Api.deps.json")), "Api.deps.json is not in the app's layer");
    }

    [Fact]
    public void EditingSourcesNeverChangesTheRestoreLayer()
    {
        var (temp, root, api) = Prepare();
        using var _ = temp;
        string dockerfile = File.ReadAllText(Path.Combine(api, "Dockerfile")), ignore = File.ReadAllText(Path.Combine(api, "Dockerfile.dockerignore"));
        SortedDictionary<string, string> RestoreLayer(string name)
        {
            var simulator = new LayerSimulator(root, dockerfile, ignore, Path.Combine(temp.Path, name));
            simulator.Apply(0, "dotnet restore", run: false, package.ContainerEnvironment);
            return simulator.Snapshot();
        }

        var before = RestoreLayer("before");
        foreach (var source in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            File.AppendAllText(source, "\n// edited\n");
        }

        var afterSourceEdit = RestoreLayer("after-source-edit");
        Assert.True(before.Count > 5);
        Assert.True(before.SequenceEqual(afterSourceEdit), LayerSimulator.Describe(before, afterSourceEdit));

        // The comparison can fail: a project file edit does reach the restore layer.
        File.AppendAllText(Path.Combine(root, "src", "Domain", "Domain.csproj"), "\n");
        Assert.False(before.SequenceEqual(RestoreLayer("after-project-edit")));
    }
}
