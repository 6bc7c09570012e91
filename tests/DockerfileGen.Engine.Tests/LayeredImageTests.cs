using System.Formats.Tar;
using System.Net;
using System.Text.Json;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// The layered final stage on a real engine, with samples/MultiProject (NuGet packages, and an API over three referenced
/// projects): NuGet packages, referenced projects and the app each in a layer of their own, so that a code edit in the
/// app changes the app's layer only, even when the image is built again without any cache, and an edit in a referenced
/// project changes that project's layer and the app's.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class LayeredImageTests
{
    // A few KiB of tar: the working directory's entry, which a build without cache makes again with its own time.
    private const long TarOverhead = 8 * 1024;

    private readonly PackedPackage package;

    public LayeredImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void ACodeEditChangesOnlyTheAppsLayerAndAProjectEditOnlyItsOwnAndTheApps()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");
        var (root, api) = MultiProjectWithAPackage(package, temp);
        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        feed.WriteOnlySourceConfig(root);
        var dockerfile = GeneratedDockerfile.Generate(package, api, "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra");
        var text = File.ReadAllText(dockerfile);
        Assert.Contains("\nCOPY --from=build /layers/packages/ /\nCOPY --from=build /layers/projects/ /\nCOPY --from=build /layers/app/ /\n", text);
        Assert.True(File.Exists(Path.Combine(api, "Dockerfile.layers.targets")), "no layers targets file beside the Dockerfile");

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var images = new[] { "first", "app-edit", "project-edit" }.Select(name => $"dfg-test-layers:{name}-{tag}").ToArray();
        var container = "dfg-test-layers-" + tag;
        try
        {
            ContainerEngine.BuildFromHeader(dockerfile, images[0]);
            var first = SavedLayers(temp.Path, images[0]);
            var packages = Single(first, "app/Newtonsoft.Json.dll");
            var projects = Single(first, "app/Domain.dll");
            var app = Single(first, "app/Api.dll");
            Assert.True(packages < projects && projects < app, $"layers out of order: packages {packages}, projects {projects}, app {app}");
            Assert.DoesNotContain(first[app].Files, f => f.Path.StartsWith("app/Newtonsoft.", StringComparison.Ordinal) || new[] { "Domain", "Application", "Infrastructure" }.Any(p => f.Path.StartsWith($"app/{p}.", StringComparison.Ordinal)));
            Assert.Contains(first[projects].Files, f => f.Path == "app/Infrastructure.dll");
            Assert.Contains(first[app].Files, f => f.Path == "app/Api.deps.json");
            Assert.Contains(first[app].Files, f => f.Path == "app/Api.runtimeconfig.json");
            Assert.Contains(first[projects].Files, f => f.Path == "app/Domain.pdb");
            Assert.All(first[packages].Files.Concat(first[projects].Files), f => Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), f.Modified));

            // An edit of the app, built again without any cache: only normalized bytes can give the same layers.
            var program = Path.Combine(api, "Program.cs");
            File.WriteAllText(program, File.ReadAllText(program).Replace("product = BuildInfo.Product", "product = BuildInfo.Product, edition = \"layered\""));
            var header = DockerfileHeader.Read(dockerfile);
            ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain", "--no-cache" }.Concat(header.WithTag(images[1])).ToArray())
                .EnsureSuccess("docker build --no-cache after an edit of the app");
            var second = SavedLayers(temp.Path, images[1]);
            Assert.Equal(first.Count, second.Count);
            Assert.Equal(first[packages].DiffId, second[packages].DiffId);
            Assert.Equal(first[projects].DiffId, second[projects].DiffId);
            Assert.NotEqual(first[app].DiffId, second[app].DiffId);
            var changed = second.Where(layer => first.All(before => before.DiffId != layer.DiffId)).ToList();
            var appFiles = second[app].Files.Sum(f => f.Length);
            Assert.True(changed.Sum(l => l.Size) <= appFiles * 1.25 + TarOverhead,
                $"changed layers {changed.Sum(l => l.Size)} B against the app's own files {appFiles} B:\n{string.Join("\n", changed.Select(l => $"{l.DiffId} {l.Size} B: {string.Join(", ", l.Files.Take(5).Select(f => f.Path))}"))}");
            Console.WriteLine($"app edit, no cache: {changed.Count} of {second.Count} layers changed, {changed.Sum(l => l.Size)} B; the app's own files {appFiles} B; packages {second[packages].Size} B and projects {second[projects].Size} B kept");

            // An edit of a referenced project, built with the builder's cache: its layer and the app's change.
            File.WriteAllText(Path.Combine(root, "src", "Domain", "LayerProbe.cs"), "namespace Contoso.Domain;\n\npublic static class LayerProbe\n{\n    public const string Text = \"edited\";\n}\n");
            ContainerEngine.BuildFromHeader(dockerfile, images[2]);
            var third = SavedLayers(temp.Path, images[2]);
            Assert.Equal(second[packages].DiffId, third[packages].DiffId);
            Assert.NotEqual(second[projects].DiffId, third[projects].DiffId);
            Assert.NotEqual(second[app].DiffId, third[app].DiffId);
            Assert.Equal(2, third.Count(layer => second.All(before => before.DiffId != layer.DiffId)));

            // The layered image runs as the one-layer image did.
            ContainerEngine.Run(root, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", images[2]).EnsureSuccess("docker run");
            var port = ContainerEngine.Run(root, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];
            var home = HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, home.Status);
            Assert.Contains("\"edition\":\"layered\"", home.Body);
            var orders = HttpProbe.Get($"http://{port}/orders", TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, orders.Status);
            Assert.Contains("Ada", orders.Body);
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            foreach (var image in images)
            {
                ContainerEngine.Run(temp.Path, "rmi", "-f", image);
            }
        }
    }

    /// <summary>
    /// samples/MultiProject with DockerfileGen and a third-party package, transitive through a library (the sample's
    /// Microsoft.Extensions packages lose to the shared framework, so publish ships none of them), built once so the
    /// host's restore updates the lock files. Returns the repository's root and the API's folder.
    /// </summary>
    internal static (string Root, string Api) MultiProjectWithAPackage(PackedPackage package, TempDirectory temp)
    {
        var root = package.CopySample("MultiProject", temp);
        var api = Path.Combine(root, "src", "Api");
        MultiProjectImageTests.AddDockerfileGen(root, api, package.Version);
        var versions = Path.Combine(root, "build", "Versions.props");
        File.WriteAllText(versions, File.ReadAllText(versions).Replace("  </ItemGroup>", "    <PackageVersion Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />\n  </ItemGroup>"));
        var infrastructure = Path.Combine(root, "src", "Infrastructure", "Infrastructure.csproj");
        File.WriteAllText(infrastructure, File.ReadAllText(infrastructure).Replace("</Project>", "  <ItemGroup>\n    <PackageReference Include=\"Newtonsoft.Json\" />\n  </ItemGroup>\n</Project>"));
        package.Build(api).EnsureSuccess("dotnet build of the API");
        return (root, api);
    }

    // The index of the one layer that adds the file.
    private static int Single(IReadOnlyList<SavedLayer> layers, string path)
    {
        var holding = layers.Select((layer, index) => (layer, index)).Where(x => x.layer.Files.Any(f => f.Path == path)).Select(x => x.index).ToList();
        Assert.True(holding.Count == 1, $"{path} is in {holding.Count} layers");
        return holding[0];
    }

    /// <summary>The layers of an image, bottom first, from <c>docker save</c>: diff ID, tar size, and the files each adds.</summary>
    internal static List<SavedLayer> SavedLayers(string workingDirectory, string image)
    {
        var archive = Path.Combine(workingDirectory, "save-" + Guid.NewGuid().ToString("N") + ".tar");
        try
        {
            ContainerEngine.Run(workingDirectory, "save", "-o", archive, image).EnsureSuccess("docker save " + image);
            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            using (var stream = File.OpenRead(archive))
            using (var reader = new TarReader(stream))
            {
                while (reader.GetNextEntry() is { } entry)
                {
                    if (entry.DataStream is not null && (entry.Name.EndsWith(".json", StringComparison.Ordinal) || entry.Name.EndsWith("layer.tar", StringComparison.Ordinal)))
                    {
                        using var copy = new MemoryStream();
                        entry.DataStream.CopyTo(copy);
                        entries[entry.Name] = copy.ToArray();
                    }
                }
            }

            using var manifest = JsonDocument.Parse(entries["manifest.json"]);
            var top = manifest.RootElement[0];
            using var config = JsonDocument.Parse(entries[top.GetProperty("Config").GetString()!]);
            var diffIds = config.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()!).ToList();
            var layers = new List<SavedLayer>();
            foreach (var (path, index) in top.GetProperty("Layers").EnumerateArray().Select((p, i) => (p.GetString()!, i)))
            {
                var files = new List<LayerFile>();
                using var reader = new TarReader(new MemoryStream(entries[path]));
                while (reader.GetNextEntry() is { } entry)
                {
                    var hash = entry.DataStream is null ? "" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(entry.DataStream));
                    files.Add(new LayerFile(entry.Name.TrimStart('.', '/').TrimEnd('/'), entry.EntryType, entry.Length, entry.ModificationTime, hash, entry.Mode));
                }

                layers.Add(new SavedLayer(diffIds[index], entries[path].LongLength, files));
            }

            return layers;
        }
        finally
        {
            File.Delete(archive);
        }
    }
}

/// <summary>A layer of a saved image: its diff ID, the size of its tar, and its entries.</summary>
internal sealed record SavedLayer(string DiffId, long Size, IReadOnlyList<LayerFile> Files);

/// <summary>An entry of a layer's tar, with the SHA-256 of its content (empty for an entry without content).</summary>
internal sealed record LayerFile(string Path, TarEntryType Type, long Length, DateTimeOffset Modified, string Sha256, UnixFileMode Mode);

/// <summary>
/// Self-contained apps, ReadyToRun-compiled or trimmed, layered: the .NET runtime, then NuGet packages, then the app.
/// Each image runs as its one-layer twin (<c>DockerfileGenLayers=false</c>) does, and is no more than 1% bigger.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class LayeredDeploymentModeTests
{
    // Invariant globalization: the chiseled image without ICU.
    private const string RuntimeDeps = "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled";

    private readonly PackedPackage package;

    public LayeredDeploymentModeTests(PackedPackage package) => this.package = package;

    public static TheoryData<string, string> Modes() => new()
    {
        { "ready-to-run", "<SelfContained>true</SelfContained><PublishReadyToRun>true</PublishReadyToRun>" },
        { "trimmed", "<SelfContained>true</SelfContained><PublishTrimmed>true</PublishTrimmed>" },
    };

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public void TheModeIsLayeredRunsAndIsNoBiggerThanOneLayer(string mode, string properties)
    {
        var why = ContainerEngine.WhyUnavailableWith(RuntimeDeps);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-layers-" + mode);
        var directory = Path.Combine(temp.Path, "Ledger");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Ledger.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageReference Include="DockerfileGen" Version="{package.Version}" PrivateAssets="all" Condition="'$(DOTNET_RUNNING_IN_CONTAINER)' != 'true'" />
              </ItemGroup>
            </Project>
            """);
        var program = Path.Combine(directory, "Program.cs");
        // No reflection over the app's types, which trimming would cut.
        File.WriteAllText(program, "Console.WriteLine(new Newtonsoft.Json.Linq.JObject { [\"ledger\"] = \"balanced\", [\"mode\"] = \"first\" }.ToString(Newtonsoft.Json.Formatting.None));\n");

        var dockerfile = GeneratedDockerfile.Generate(package, directory, RuntimeDeps);
        Assert.Contains("\nCOPY --from=build /layers/runtime/ /\nCOPY --from=build /layers/packages/ /\nCOPY --from=build /layers/app/ /\n", File.ReadAllText(dockerfile));
        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var images = new[] { "layered", "edited", "one-layer" }.Select(name => $"dfg-test-layers-{mode}:{name}-{tag}").ToArray();
        try
        {
            ContainerEngine.BuildFromHeader(dockerfile, images[0]);
            var layered = LayeredImageTests.SavedLayers(temp.Path, images[0]);
            var runtime = layered.FindIndex(l => l.Files.Any(f => f.Path == "app/libcoreclr.so"));
            var packages = layered.FindIndex(l => l.Files.Any(f => f.Path == "app/Newtonsoft.Json.dll"));
            var app = layered.FindIndex(l => l.Files.Any(f => f.Path == "app/Ledger.dll"));
            Assert.True(runtime >= 0 && runtime < packages && packages < app, $"layers: runtime {runtime}, packages {packages}, app {app}");
            Assert.Contains(layered[runtime].Files, f => f.Path == "app/System.Private.CoreLib.dll");
            Assert.Equal("{\"ledger\":\"balanced\",\"mode\":\"first\"}", ContainerEngine.Run(directory, "run", "--rm", images[0]).EnsureSuccess("docker run").Output.Trim());

            // A code edit: which layers move. ReadyToRun compiles each package assembly on its own; trimming keeps of the
            // runtime and the packages what the app's code reaches, so an edit that reaches the same code keeps them.
            File.WriteAllText(program, File.ReadAllText(program).Replace("\"first\"", "\"edited\""));
            package.Build(directory).EnsureSuccess("dotnet build after the edit");
            ContainerEngine.BuildFromHeader(dockerfile, images[1]);
            var edited = LayeredImageTests.SavedLayers(temp.Path, images[1]);
            var changed = edited.Where(l => layered.All(before => before.DiffId != l.DiffId)).ToList();
            Console.WriteLine($"{mode}: a code edit changed {changed.Count} of {edited.Count} layers, {changed.Sum(l => l.Size)} B of {edited.Sum(l => l.Size)} B; runtime layer {(edited[runtime].DiffId == layered[runtime].DiffId ? "kept" : "changed")}, packages layer {(edited[packages].DiffId == layered[packages].DiffId ? "kept" : "changed")}");
            Assert.Equal(layered[runtime].DiffId, edited[runtime].DiffId);
            Assert.Equal(layered[packages].DiffId, edited[packages].DiffId);
            Assert.Equal("{\"ledger\":\"balanced\",\"mode\":\"edited\"}", ContainerEngine.Run(directory, "run", "--rm", images[1]).EnsureSuccess("docker run").Output.Trim());

            // The same app in one layer: the layered image is at most 1% bigger.
            var project = Path.Combine(directory, "Ledger.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("<InvariantGlobalization>", "<DockerfileGenLayers>false</DockerfileGenLayers><InvariantGlobalization>"));
            package.Build(directory).EnsureSuccess("dotnet build with DockerfileGenLayers=false");
            Assert.Contains("\nCOPY --from=build /layers/app/ /\nUSER", File.ReadAllText(dockerfile));
            Assert.Single(File.ReadAllLines(dockerfile), line => line.StartsWith("COPY --from=build ", StringComparison.Ordinal));
            ContainerEngine.BuildFromHeader(dockerfile, images[2]);
            var layeredSize = ContainerEngine.ImageSize(temp.Path, images[1]);
            var oneLayerSize = ContainerEngine.ImageSize(temp.Path, images[2]);
            Console.WriteLine($"{mode}: layered {layeredSize} B, one layer {oneLayerSize} B");
            Assert.True(layeredSize <= oneLayerSize * 1.01, $"layered {layeredSize} B against one layer {oneLayerSize} B");
            Assert.Equal("{\"ledger\":\"balanced\",\"mode\":\"edited\"}", ContainerEngine.Run(directory, "run", "--rm", images[2]).EnsureSuccess("docker run").Output.Trim());
        }
        finally
        {
            foreach (var image in images)
            {
                ContainerEngine.Run(temp.Path, "rmi", "-f", image);
            }
        }
    }
}
