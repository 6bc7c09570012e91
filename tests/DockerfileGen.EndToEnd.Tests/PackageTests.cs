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
                "tasks/netstandard2.0/DockerfileGen.Core.dll",
                "tasks/netstandard2.0/DockerfileGen.Tasks.dll",
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
    [InlineData("tasks/netstandard2.0/DockerfileGen.Tasks.dll", "netstandard", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "DockerfileGen.Core", "System.Reflection.Metadata")]
    [InlineData("tasks/netstandard2.0/DockerfileGen.Core.dll", "netstandard")]
    // Core is compiled into the analyzers, each alone in its folder; System.Collections.Immutable and System.Memory are
    // dependencies of Microsoft.CodeAnalysis itself, so every compiler that loads the analyzers has them.
    [InlineData("analyzers/dotnet/cs/DockerfileGen.Analyzers.dll", "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory")]
    [InlineData("designtime/DockerfileGen.Analyzers.Dockerfile.dll", "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Memory")]
    public void AssemblyReferencesNothingBeyondItsHost(string entry, params string[] allowed)
    {
        using var pe = new PEReader(new MemoryStream(package.Read(entry)));
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();

        Assert.All(references, name => Assert.Contains(name, allowed));
    }
}
