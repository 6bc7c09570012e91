using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

[Trait("Category", "build")]
[Collection(PackedPackageCollection.Name)]
public sealed class PackageTests
{
    private readonly PackedPackage package;

    public PackageTests(PackedPackage package) => this.package = package;

    [Fact]
    public void PackageHoldsExactlyTheBuildLogicTaskAndAnalyzers()
    {
        var entries = package.Entries()
            .Where(e => !e.StartsWith("_rels/", StringComparison.Ordinal)
                        && !e.StartsWith("package/services/metadata/", StringComparison.Ordinal)
                        && e != "[Content_Types].xml")
            .ToList();

        Assert.Equal(
            new[]
            {
                "DockerfileGen.nuspec",
                "README.md",
                "analyzers/dotnet/cs/DockerfileGen.Analyzers.dll",
                "build/DockerfileGen.props",
                "build/DockerfileGen.targets",
                "buildMultiTargeting/DockerfileGen.props",
                "buildMultiTargeting/DockerfileGen.targets",
                "designtime/DockerfileGen.Analyzers.Dockerfile.dll",
                "designtime/DockerfileGen.Core.dll",
                "tasks/net472/DockerfileGen.Core.dll",
                "tasks/net472/DockerfileGen.Tasks.dll",
                "tasks/net8.0/DockerfileGen.Core.dll",
                "tasks/net8.0/DockerfileGen.Tasks.dll",
            },
            entries);
    }

    [Theory]
    [InlineData("DockerfileGen.props")]
    [InlineData("DockerfileGen.targets")]
    public void PackageBuildFolderIsTheRepositoryBuildFolder(string file) =>
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.BuildFolder, file)), package.Read("build/" + file));

    [Fact]
    public void PackageIsADevelopmentDependencyWithoutDependencies()
    {
        var nuspec = XDocument.Load(new MemoryStream(package.Read("DockerfileGen.nuspec")));
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("DockerfileGen", metadata.Element(ns + "id")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }

    [Theory]
    // The task compiles against MSBuild's API, which the MSBuild that loads it brings; beyond that only the framework
    // (System.* names; on .NET Framework, System.Reflection.Metadata and System.Collections.Immutable ship with MSBuild).
    [InlineData("tasks/net8.0/DockerfileGen.Tasks.dll", "System.*", "Microsoft.Build", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "DockerfileGen.Core")]
    [InlineData("tasks/net472/DockerfileGen.Tasks.dll", "mscorlib", "netstandard", "System", "System.*", "Microsoft.Build", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "DockerfileGen.Core")]
    [InlineData("tasks/net8.0/DockerfileGen.Core.dll", "netstandard")]
    [InlineData("tasks/net472/DockerfileGen.Core.dll", "netstandard")]
    // The analyzer every compile loads never loads Core (it compiles in only the source facts model); the design-time
    // Dockerfile analyzer loads Core from its own folder. System.Collections.Immutable and System.Memory are dependencies
    // of Microsoft.CodeAnalysis itself, so every compiler that loads the analyzers has them.
    [InlineData("analyzers/dotnet/cs/DockerfileGen.Analyzers.dll", "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory")]
    [InlineData("designtime/DockerfileGen.Analyzers.Dockerfile.dll", "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory", "DockerfileGen.Core")]
    [InlineData("designtime/DockerfileGen.Core.dll", "netstandard")]
    public void AssemblyReferencesNothingBeyondItsHost(string entry, params string[] allowed)
    {
        using var pe = new PEReader(new MemoryStream(package.Read(entry)));
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();

        Assert.All(references, name => Assert.True(
            allowed.Contains(name) || allowed.Any(a => a.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(a[..^1], StringComparison.Ordinal)),
            $"{entry} references {name}"));
    }

    [Fact]
    public void EveryDockerfileGenAssemblyAnAssemblyReferencesSitsBesideIt()
    {
        // MSBuild and the compiler load a task's or an analyzer's dependencies from the folder it was loaded from.
        var entries = package.Entries();
        foreach (var entry in entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var pe = new PEReader(new MemoryStream(package.Read(entry)));
            var reader = pe.GetMetadataReader();
            var folder = entry[..(entry.LastIndexOf('/') + 1)];
            foreach (var name in reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).Where(n => n.StartsWith("DockerfileGen.", StringComparison.Ordinal)))
            {
                Assert.True(entries.Contains(folder + name + ".dll"), $"{entry} references {name}, which is not in {folder}");
            }
        }
    }
}
