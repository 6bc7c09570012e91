using System.Formats.Tar;
using System.Runtime.Versioning;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// The same commit gives the same layers: samples/MultiProject with a NuGet package and a static file, built without any
/// cache from two checkouts whose files have different times and modes, as two CI machines check out one commit. Every
/// layer the Dockerfile adds must come out with the same diff ID and one mode per kind of entry; the commit's time, when
/// passed, is the time of the app's files, and the layers below the app keep theirs.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class ReproducibleImageTests
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra";

    private static readonly DateTimeOffset FixedTime = DateTimeOffset.FromUnixTimeSeconds(946684800);

    private readonly PackedPackage package;

    public ReproducibleImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void TwoCheckoutsOfOneCommitBuiltWithoutCacheGiveTheSameLayers()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");
        var (root, api) = LayeredImageTests.MultiProjectWithAPackage(package, temp);
        // A static file: the publish writes its Last-Modified, from the source file's time, into the endpoints manifest.
        Directory.CreateDirectory(Path.Combine(api, "wwwroot"));
        File.WriteAllText(Path.Combine(api, "wwwroot", "index.html"), "<!doctype html><title>Contoso</title>\n");
        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        feed.WriteOnlySourceConfig(root);
        var dockerfile = GeneratedDockerfile.Generate(package, api, BaseImage);

        // The second checkout: the same files, every one an hour newer, as a checkout under umask 002 writes them
        // (group-writable), and the static file private to its owner.
        var second = Path.Combine(temp.Path, "second-checkout");
        CopyWithNewTimesAndModes(root, second, DateTime.UtcNow.AddHours(1));
        File.SetUnixFileMode(Path.Combine(second, Path.GetRelativePath(root, api), "wwwroot", "index.html"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var secondDockerfile = Path.Combine(second, Path.GetRelativePath(root, dockerfile));

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var images = new[] { "first", "second", "commit-time" }.Select(name => $"dfg-test-reproducible:{name}-{tag}").ToArray();
        try
        {
            Build(dockerfile, images[0], null, "--no-cache");
            Build(secondDockerfile, images[1], null, "--no-cache");
            var first = LayeredImageTests.SavedLayers(temp.Path, images[0]);
            var again = LayeredImageTests.SavedLayers(temp.Path, images[1]);

            Assert.Equal(first.Count, again.Count);
            var differing = first.Zip(again).Where(pair => pair.First.DiffId != pair.Second.DiffId).ToList();
            Assert.True(differing.Count == 0, $"{differing.Count} of {first.Count} layers differ:\n" + string.Join("\n", differing.Select(pair => Describe(pair.First, pair.Second))));
            var app = first.FindIndex(layer => layer.Files.Any(f => f.Path == "app/Api.dll"));
            Assert.Contains(first[app].Files, f => f.Path == "app/wwwroot/index.html");
            Assert.All(first[app].Files, f => Assert.Equal(FixedTime, f.Modified));
            // One mode for every entry the Dockerfile adds, whatever the checkout's: readable by the app's user, writable
            // by root alone, executable where it was (folders, the app host).
            var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            var executable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            var baseLayers = int.Parse(ContainerEngine.Run(temp.Path, "image", "inspect", "--format", "{{len .RootFS.Layers}}", BaseImage).EnsureSuccess("docker image inspect").Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(app - baseLayers >= 2, $"the Dockerfile adds {first.Count - baseLayers} layers, the app's at {app}: no packages and projects layers below it");
            Assert.All(first.Skip(baseLayers).SelectMany(l => l.Files).Where(f => f.Type is TarEntryType.RegularFile or TarEntryType.Directory),
                f => Assert.True(f.Mode == readable || f.Mode == executable, $"{f.Path}: {f.Mode}"));
            Assert.Equal(readable, first[app].Files.Single(f => f.Path == "app/wwwroot/index.html").Mode);
            Assert.Equal(executable, first[app].Files.Single(f => f.Path == "app/Api").Mode);
            Console.WriteLine($"two checkouts, no cache: all {first.Count} layers identical, {first.Sum(l => l.Size)} B");

            // The SBOM is in the app's layer (so it is as reproducible), where the label says: the package the image's
            // restore resolved, not the build-only DockerfileGen, and the final stage's image as the base.
            var (sbomPath, sbom) = ImageSbom.Read(temp.Path, images[0]);
            Assert.Equal("/app/sbom/Api.cdx.json", sbomPath);
            Assert.Contains(first[app].Files, f => f.Path == "app/sbom/Api.cdx.json");
            Assert.Equal("1.6", sbom.RootElement.GetProperty("specVersion").GetString());
            var packages = ImageSbom.NuGetPackages(sbom);
            Assert.Contains("pkg:nuget/Newtonsoft.Json@13.0.3", packages);
            Assert.DoesNotContain(packages, p => p.StartsWith("pkg:nuget/DockerfileGen@", StringComparison.Ordinal));
            Assert.Contains(sbom.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("type").GetString() == "container" && c.GetProperty("name").GetString() == "mcr.microsoft.com/dotnet/aspnet");
            Assert.Equal("Api", sbom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());

            // The commit's time, as the image build passes it: the app's files take it, the layers below keep theirs.
            const long commitTime = 1700000000;
            Build(secondDockerfile, images[2], commitTime);
            var dated = LayeredImageTests.SavedLayers(temp.Path, images[2]);
            Assert.All(dated[app].Files, f => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(commitTime), f.Modified));
            Assert.Equal(first.Take(app).Select(l => l.DiffId), dated.Take(app).Select(l => l.DiffId));
            Assert.NotEqual(first[app].DiffId, dated[app].DiffId);
            Assert.Equal("2023-11-14T22:13:20Z", ImageSbom.Read(temp.Path, images[2]).Document.RootElement.GetProperty("metadata").GetProperty("timestamp").GetString());
        }
        finally
        {
            foreach (var image in images)
            {
                ContainerEngine.Run(temp.Path, "rmi", "-f", image);
            }
        }
    }

    // The header's docker build command, from the folder it names, with more options; with a commit time, that instead of
    // what the header's git command computes (nothing, outside a repository).
    private static void Build(string dockerfile, string image, long? commitTime, params string[] options)
    {
        var header = DockerfileHeader.Read(dockerfile);
        var arguments = header.WithTag(image);
        var epoch = Array.FindIndex(arguments, a => a.StartsWith("SOURCE_DATE_EPOCH=", StringComparison.Ordinal));
        Assert.True(epoch > 0 && arguments[epoch - 1] == "--build-arg", "the header's docker build passes no SOURCE_DATE_EPOCH: " + string.Join(' ', arguments));
        if (commitTime is not null)
        {
            arguments[epoch] = "SOURCE_DATE_EPOCH=" + commitTime;
        }

        ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain" }.Concat(options).Concat(arguments).ToArray())
            .EnsureSuccess("docker build " + string.Join(' ', options));
    }

    [UnsupportedOSPlatform("windows")]
    private static void CopyWithNewTimesAndModes(string from, string to, DateTime time)
    {
        var groupWritable = UnixFileMode.GroupWrite | UnixFileMode.GroupRead;
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            var target = Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
            File.SetUnixFileMode(target.FullName, File.GetUnixFileMode(directory) | groupWritable);
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file) | groupWritable);
            File.SetLastWriteTimeUtc(target, time);
        }
    }

    private static string Describe(SavedLayer first, SavedLayer second)
    {
        var before = first.Files.ToDictionary(f => f.Path);
        var changes = second.Files.Where(f => !before.TryGetValue(f.Path, out var old) || old != f).Take(10)
            .Select(f => before.TryGetValue(f.Path, out var old) ? $"  {f.Path}: {old.Length} B {old.Modified:O} {old.Sha256[..Math.Min(12, old.Sha256.Length)]} -> {f.Length} B {f.Modified:O} {f.Sha256[..Math.Min(12, f.Sha256.Length)]}" : $"  {f.Path}: only in the second");
        return $"{first.DiffId} / {second.DiffId}:\n{string.Join("\n", changes)}";
    }
}
