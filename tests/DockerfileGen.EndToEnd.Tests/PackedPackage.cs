using System.IO.Compression;
using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

/// <summary>
/// Packs DockerfileGen once per test run into a private feed, with a private packages folder, so the
/// tests never see a package restored earlier on this machine.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly TempDirectory temp = new("dfg-e2e");

    public PackedPackage()
    {
        Feed = Path.Combine(temp.Path, "feed");
        PackagesFolder = Path.Combine(temp.Path, "packages");
        DotNet.Run(
                RepoPaths.Root,
                "pack", Path.Combine(RepoPaths.Root, "src", "DockerfileGen.Package", "DockerfileGen.Package.csproj"),
                "--no-build", "-c", RepoPaths.Configuration, "-o", Feed, "-nodeReuse:false",
                // Each test assembly packs for itself, possibly at the same time: keep pack's nuspec out of the shared obj/.
                $"-p:NuspecOutputPath={Path.Combine(temp.Path, "nuspec")}{Path.DirectorySeparatorChar}")
            .EnsureSuccess("dotnet pack");
        NupkgPath = Directory.GetFiles(Feed, "DockerfileGen.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(NupkgPath).Substring("DockerfileGen.".Length);
    }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string NupkgPath { get; }

    public string Version { get; }

    public string Root => temp.Path;

    /// <summary>The package's entries, '/' separated.</summary>
    public IReadOnlyList<string> Entries()
    {
        using var zip = ZipFile.OpenRead(NupkgPath);
        return zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The bytes of one entry.</summary>
    public byte[] Read(string entry)
    {
        using var zip = ZipFile.OpenRead(NupkgPath);
        using var stream = zip.GetEntry(entry)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>
    /// Copies a sample under <paramref name="parent"/> without its generated files, with a NuGet.config that
    /// adds the private feed to the machine's sources and restores into the private packages folder.
    /// </summary>
    public string CopySample(string name, TempDirectory parent)
    {
        var directory = parent.CopyFrom(RepoPaths.Sample(name), name);
        foreach (var generated in new[] { "Dockerfile", ".dockerignore" })
        {
            File.Delete(Path.Combine(directory, generated));
        }

        parent.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="dockerfilegen-under-test" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{PackagesFolder}" />
              </config>
            </configuration>
            """);
        return directory;
    }

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package (serial)";
}
