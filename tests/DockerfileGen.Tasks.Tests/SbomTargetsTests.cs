using System.Text.Json;
using DockerfileGen.Rendering;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// The layers targets file's SBOM on real publishes of an app with a package graph, a <c>PrivateAssets="all"</c> package
/// and a referenced project, published for linux-x64 as the image's build stage publishes it: the inline task compiles
/// with the installed SDK, and the document holds the packages the app runs with in every publish mode.
/// A Native AOT publish needs clang, which the build machines lack: its test runs the targets the SBOM reads and the SBOM
/// target without the native link; the engine tier builds the AOT image.
/// </summary>
[Trait("Category", "build")]
[Collection(DotNetBuildCollection.Name)]
public sealed class SbomTargetsTests : IClassFixture<LayersTargetsTests.Projects>
{
    /// <summary>The packages of the app (Svc), and nothing else: Microsoft.CodeAnalysis.Analyzers is PrivateAssets="all".</summary>
    internal static readonly string[] AppPackages = new[]
    {
        "Microsoft.Extensions.DependencyInjection@6.0.0", "Microsoft.Extensions.DependencyInjection.Abstractions@6.0.0",
        "Microsoft.Extensions.Logging@6.0.0", "Microsoft.Extensions.Logging.Abstractions@6.0.0", "Microsoft.Extensions.Options@6.0.0",
        "Microsoft.Extensions.Primitives@6.0.0", "Newtonsoft.Json@13.0.3",
    }.Order(StringComparer.Ordinal).ToArray();

    internal static readonly string BaseImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled@sha256:" + new string('c', 64);

    private const string RuntimePack = "Microsoft.NETCore.App.Runtime.linux-x64";

    private readonly LayersTargetsTests.Projects projects;

    public SbomTargetsTests(LayersTargetsTests.Projects projects) => this.projects = projects;

    /// <summary>Publishes Svc with the SBOM properties the image's build stage passes; returns the document's path.</summary>
    internal static string Publish(LayersTargetsTests.Projects projects, string name, params string[] arguments) =>
        PublishOf(projects, "Svc", name, arguments);

    /// <summary>Publishes <paramref name="project"/> of the fixture with the SBOM properties; returns the document's path.</summary>
    internal static string PublishOf(LayersTargetsTests.Projects projects, string project, string name, params string[] arguments)
    {
        var sbom = Path.Combine(projects.Root, "sbom", name, project + ".cdx.json");
        var properties = new[]
        {
            $"-p:CustomAfterMicrosoftCommonTargets={projects.TargetsFile}",
            $"-p:{LayersTargetsRenderer.SbomFileProperty}={sbom}",
            $"-p:{LayersTargetsRenderer.SbomBaseImageProperty}={BaseImage}",
        };
        projects.Publish("sbom-" + name, layered: false, project, properties.Concat(arguments).ToArray());
        Assert.True(File.Exists(sbom), $"the publish wrote no {sbom}");
        return sbom;
    }

    [Fact]
    public void FrameworkDependentPublishListsTheAppsPackagesAndTheirGraph()
    {
        var document = Read(Publish(projects, "framework-dependent"));

        Assert.Equal(AppPackages, Packages(document));
        var graph = Graph(document);
        Assert.Equal(new[] { BaseImage, "pkg:nuget/Microsoft.Extensions.Logging@6.0.0", "pkg:nuget/Newtonsoft.Json@13.0.3" }, graph["Svc@1.2.3"]);
        Assert.Equal(
            new[] { "pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@6.0.0", "pkg:nuget/Microsoft.Extensions.Primitives@6.0.0" },
            graph["pkg:nuget/Microsoft.Extensions.Options@6.0.0"]);
        var app = document.GetProperty("metadata").GetProperty("component");
        Assert.Equal("Svc", app.GetProperty("name").GetString());
        Assert.Equal("1.2.3", app.GetProperty("version").GetString());
    }

    [Fact]
    public void HashesAndLicencesComeFromThePackagesTheRestoreUsed()
    {
        var document = Read(Publish(projects, "framework-dependent"));

        foreach (var component in Components(document).Where(c => c.GetProperty("type").GetString() == "library"))
        {
            var id = component.GetProperty("name").GetString()!;
            var version = component.GetProperty("version").GetString()!;
            var folder = Path.Combine(PackagesFolder, id.ToLowerInvariant(), version);
            var sha512 = File.ReadAllText(Path.Combine(folder, $"{id.ToLowerInvariant()}.{version}.nupkg.sha512")).Trim();
            var hash = Assert.Single(component.GetProperty("hashes").EnumerateArray());
            Assert.Equal(Convert.ToHexString(Convert.FromBase64String(sha512)).ToLowerInvariant(), hash.GetProperty("content").GetString());
            Assert.Equal("MIT", Assert.Single(component.GetProperty("licenses").EnumerateArray()).GetProperty("expression").GetString());
        }
    }

    [Fact]
    public void SelfContainedPublishAddsTheRuntimePackItShips()
    {
        var document = Read(Publish(projects, "self-contained", "--self-contained"));

        Assert.Equal(AppPackages.Append(RuntimePack + "@" + RuntimePackVersion(document)).Order(StringComparer.Ordinal), Packages(document));
        Assert.DoesNotContain(Packages(document), p => p.StartsWith("Microsoft.AspNetCore.App.Runtime", StringComparison.Ordinal));
        Assert.Contains($"pkg:nuget/{RuntimePack}@{RuntimePackVersion(document)}", Graph(document)["Svc@1.2.3"]);
    }

    [Fact]
    public void FrameworkDependentReadyToRunShipsNoRuntimePack()
    {
        // ReadyToRun compiles against the runtime pack; the base image's runtime runs the app.
        var document = Read(Publish(projects, "ready-to-run", "-p:PublishReadyToRun=true"));

        Assert.Equal(AppPackages, Packages(document));
    }

    [Fact]
    public void SelfContainedWebAppAddsBothRuntimePacks()
    {
        var document = Read(PublishOf(projects, "Web", "web-self-contained", "--self-contained"));

        var packs = Packages(document).Where(p => p.Contains(".Runtime.", StringComparison.Ordinal)).Select(p => p.Split('@')[0]);
        Assert.Equal(new[] { "Microsoft.AspNetCore.App.Runtime.linux-x64", RuntimePack }, packs);
        Assert.Contains("Microsoft.CodeAnalysis.Common@4.8.0", Packages(document));
    }

    [Fact]
    public void TrimmedPublishKeepsEveryPackageAndLeavesTheTrimmersOut()
    {
        var document = Read(Publish(projects, "trimmed", "-p:PublishTrimmed=true"));

        var assets = File.ReadAllText(Path.Combine(projects.Root, "Svc", "obj", "project.assets.json"));
        Assert.Contains("Microsoft.NET.ILLink.Tasks", assets);
        Assert.Equal(AppPackages.Append(RuntimePack + "@" + RuntimePackVersion(document)).Order(StringComparer.Ordinal), Packages(document));
    }

    [Fact]
    public void SingleFilePublishListsThePackagesItBundles()
    {
        var document = Read(Publish(projects, "single-file", "-p:PublishSingleFile=true", "--self-contained"));

        Assert.Equal(AppPackages.Append(RuntimePack + "@" + RuntimePackVersion(document)).Order(StringComparer.Ordinal), Packages(document));
    }

    [Fact]
    public void NativeAotListsTheNativeAotPackInsteadOfTheCoreClrRuntimePack()
    {
        // The native link needs clang, which the build machines lack: run the targets an AOT publish resolves its packs
        // with, then the SBOM target, as that publish would after linking.
        var sbom = Path.Combine(projects.Root, "sbom", "aot", "Svc.cdx.json");
        DotNet.Run(Path.Combine(projects.Root, "Svc"),
                "msbuild", "Svc.csproj", "-restore", "-nodeReuse:false", "-p:Configuration=Release", "-p:PublishAot=true", "-p:_IsPublishing=true",
                "-t:ResolveFrameworkReferences;ResolveRuntimePackAssets;_DockerfileGenWriteSbom",
                $"-p:CustomAfterMicrosoftCommonTargets={projects.TargetsFile}", $"-p:{LayersTargetsRenderer.SbomFileProperty}={sbom}")
            .EnsureSuccess("the SBOM target of an AOT publish");

        var packages = Packages(Read(sbom));

        Assert.Equal(AppPackages, packages.Where(p => !p.Contains(".Runtime.", StringComparison.Ordinal)));
        Assert.Equal("Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64", Assert.Single(packages, p => p.Contains(".Runtime.", StringComparison.Ordinal)).Split('@')[0]);
    }

    [Fact]
    public void TwoPublishesWriteTheSameBytes()
    {
        var first = File.ReadAllBytes(Publish(projects, "framework-dependent"));
        var second = File.ReadAllBytes(Publish(projects, "framework-dependent-again"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void SourceDateEpochIsTheTimestamp()
    {
        // The image build's environment carries it (a Dockerfile ARG); the publish inherits it from this process.
        JsonElement document;
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1700000000");
        try
        {
            document = Read(Publish(projects, "source-date-epoch"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null);
        }

        Assert.Equal("2023-11-14T22:13:20Z", document.GetProperty("metadata").GetProperty("timestamp").GetString());
        Assert.False(Read(Publish(projects, "framework-dependent")).GetProperty("metadata").TryGetProperty("timestamp", out _));
    }

    [Fact]
    public void WithoutTheSbomFileNoDocumentIsWritten()
    {
        projects.Publish("sbom-none", layered: false, "Svc", new[] { $"-p:CustomAfterMicrosoftCommonTargets={projects.TargetsFile}" });

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(projects.Root, "out", "plain-sbom-none"), "*.cdx.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheInlineTaskCompilesAsCSharp10ForNetStandard()
    {
        // The image of a net6.0 or net8.0 app builds with that SDK, whose compiler knows C# 10 at most.
        using var temp = new TempDirectory("dfg-sbom-csharp10");
        var code = System.Xml.Linq.XDocument.Parse(LayersTargetsRenderer.Render()).Descendants("Code").Single().Value;
        temp.Write("InlineTask.cs", code);
        temp.Write("InlineTask.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>10</LangVersion>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Build.Utilities.Core" Version="17.8.43" />
              </ItemGroup>
            </Project>
            """);

        DotNet.Build(temp.Path, "-c", "Release").EnsureSuccess("build of the inline task's code as C# 10");
    }

    internal static JsonElement Read(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    internal static List<JsonElement> Components(JsonElement document) => document.GetProperty("components").EnumerateArray().ToList();

    /// <summary>The libraries as <c>Id@Version</c>, sorted.</summary>
    internal static List<string> Packages(JsonElement document) =>
        Components(document).Where(c => c.GetProperty("type").GetString() == "library")
            .Select(c => c.GetProperty("name").GetString() + "@" + c.GetProperty("version").GetString())
            .Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, List<string>> Graph(JsonElement document) =>
        document.GetProperty("dependencies").EnumerateArray().ToDictionary(
            d => d.GetProperty("ref").GetString()!,
            d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList());

    private static string RuntimePackVersion(JsonElement document)
    {
        var pack = Components(document).Single(c => c.GetProperty("name").GetString() == RuntimePack);
        var version = pack.GetProperty("version").GetString()!;
        Assert.True(Directory.Exists(Path.Combine(PackagesFolder, RuntimePack.ToLowerInvariant(), version)), $"no runtime pack {version} in {PackagesFolder}");
        Assert.NotEmpty(pack.GetProperty("hashes").EnumerateArray());
        return version;
    }

    private static string PackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
