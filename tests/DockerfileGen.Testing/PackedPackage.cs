using System.IO.Compression;

namespace DockerfileGen.Testing;

/// <summary>
/// Packs DockerfileGen once per test run into a private feed, with a private packages folder, so the
/// tests never see a package restored earlier on this machine. A test assembly shares one through an xunit collection
/// fixture of its own (<c>PackedPackageCollection</c>), since xunit finds collection definitions in the test assembly.
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
    /// Copies a sample to <c>samples/&lt;name&gt;</c> under <paramref name="parent"/>, without its generated files.
    /// The copy restores DockerfileGen from the private feed through <see cref="Build"/>'s properties, so no
    /// NuGet.config is added around it (one would become a build input of the sample).
    /// </summary>
    public string CopySample(string name, TempDirectory parent)
    {
        var directory = parent.CopyFrom(RepoPaths.Sample(name), Path.Combine("samples", name));
        foreach (var generated in Directory.EnumerateFiles(directory, "Dockerfile*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(directory, ".dockerignore", SearchOption.AllDirectories)))
        {
            File.Delete(generated);
        }

        return directory;
    }

    /// <summary>The environment of a restore inside the SDK image, with the private packages folder.</summary>
    public Dictionary<string, string> ContainerEnvironment => new()
    {
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["TARGETARCH"] = "amd64",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
    };

    /// <summary>
    /// The properties that make a copied sample restore DockerfileGen from the private feed into the private folder, by the
    /// version just packed (a copy has no repository around it to read the version from).
    /// </summary>
    public string[] FeedArguments => new[] { $"-p:RestoreAdditionalProjectSources={Feed}", $"-p:RestorePackagesPath={PackagesFolder}{Path.DirectorySeparatorChar}", $"-p:DockerfileGenVersion={Version}" };

    /// <summary><c>dotnet build</c> of a copied sample, restoring DockerfileGen from the private feed.</summary>
    public ProcessResult Build(string directory, params string[] arguments) =>
        DotNet.Build(directory, FeedArguments.Concat(arguments).ToArray());

    public void Dispose() => temp.Dispose();
}
