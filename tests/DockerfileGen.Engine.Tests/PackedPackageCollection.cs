using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>The tests that use the packed package run one at a time, sharing one pack.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package (serial)";
}
