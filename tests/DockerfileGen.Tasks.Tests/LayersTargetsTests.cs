using System.Text.RegularExpressions;
using System.Security.Cryptography;
using DockerfileGen.Rendering;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// The layers targets file on a real publish: an app with NuGet packages (satellite resources, a native library), a
/// referenced project (pdb, documentation file, satellite, content) and its own satellite and settings files, published
/// for linux-x64 as the image's build stage publishes it. Each layer must hold exactly the files of its provenance, and the
/// layers together exactly the files of a plain publish, byte for byte.
/// </summary>
[Trait("Category", "build")]
[Collection(DotNetBuildCollection.Name)]
public sealed class LayersTargetsTests : IClassFixture<LayersTargetsTests.Projects>
{
    private static readonly string[] PackageFiles =
    {
        "Gee.External.Capstone.dll", "Microsoft.CodeAnalysis.dll", "de/Microsoft.CodeAnalysis.resources.dll",
        "fr/Microsoft.CodeAnalysis.resources.dll", "libcapstone.so",
    };

    // lib.json is the referenced project's content, which the SDK hands over without saying where it came from.
    private static readonly string[] ProjectFiles = { "Lib.dll", "Lib.pdb", "Lib.xml", "de/Lib.resources.dll", "lib.json" };

    private static readonly string[] AppFiles =
    {
        "App", "App.dll", "App.pdb", "App.deps.json", "App.runtimeconfig.json", "appsettings.json",
        "appsettings.Development.json", "de/App.resources.dll",
    };

    private readonly Projects projects;

    public LayersTargetsTests(Projects projects) => this.projects = projects;

    [Fact]
    public void FrameworkDependentPublishIsSplitByProvenance()
    {
        var (plain, layered) = projects.PublishBoth("framework-dependent");

        Assert.Empty(layered.Files("runtime"));
        Assert.Equal(Sorted(PackageFiles), layered.Files("packages"));
        Assert.Equal(Sorted(ProjectFiles), layered.Files("projects"));
        Assert.Equal(Sorted(AppFiles), layered.Files("app"));
        Assert.Empty(layered.EmptyFolders("app"));
        Assert.Equal(plain.Hashes("app"), layered.AllHashes());
    }

    [Fact]
    public void SelfContainedPublishPutsTheRuntimePackInItsOwnLayer()
    {
        var (plain, layered) = projects.PublishBoth("self-contained", "--self-contained");

        Assert.Contains("libcoreclr.so", layered.Files("runtime"));
        Assert.Contains("System.Private.CoreLib.dll", layered.Files("runtime"));
        Assert.Contains("libclrjit.so", layered.Files("runtime"));
        Assert.Equal(Sorted(PackageFiles), layered.Files("packages"));
        Assert.Equal(Sorted(ProjectFiles), layered.Files("projects"));
        Assert.Equal(Sorted(AppFiles), layered.Files("app"));
        Assert.Equal(plain.Hashes("app"), layered.AllHashes());
    }

    [Fact]
    public void ReadyToRunImagesStayInTheLayerOfTheAssemblyTheyReplace()
    {
        var (plain, layered) = projects.PublishBoth("ready-to-run", "-p:PublishReadyToRun=true");

        Assert.Equal(Sorted(PackageFiles), layered.Files("packages"));
        Assert.Equal(Sorted(ProjectFiles), layered.Files("projects"));
        Assert.Equal(Sorted(AppFiles), layered.Files("app"));
        Assert.Equal(plain.Hashes("app"), layered.AllHashes());
    }

    [Fact]
    public void TrimmedPublishMovesOnlyWhatTheTrimmerKept()
    {
        var (plain, layered) = projects.PublishBoth("trimmed", "-p:PublishTrimmed=true");

        Assert.Contains("System.Private.CoreLib.dll", layered.Files("runtime"));
        Assert.Subset(new SortedSet<string>(PackageFiles), new SortedSet<string>(layered.Files("packages")));
        Assert.Contains("Microsoft.CodeAnalysis.dll", layered.Files("packages"));
        Assert.Equal(Sorted(ProjectFiles), layered.Files("projects"));
        Assert.Equal(Sorted(AppFiles), layered.Files("app"));
        Assert.Equal(plain.Hashes("app"), layered.AllHashes());
    }

    [Fact]
    public void StaticWebAssetsStayWithTheApp()
    {
        var (plain, layered) = projects.PublishBothOf("Web", "web");

        Assert.Contains("wwwroot/css/site.css", layered.Files("app"));
        Assert.DoesNotContain(layered.Files("packages").Concat(layered.Files("projects")), file => file.StartsWith("wwwroot/", StringComparison.Ordinal));
        Assert.Equal(Sorted(PackageFiles), layered.Files("packages"));
        Assert.Equal(Sorted(ProjectFiles), layered.Files("projects"));
        const string endpoints = "Web.staticwebassets.endpoints.json";
        Assert.Equal(plain.Hashes("app").Where(f => f.Key != endpoints), layered.AllHashes().Where(f => f.Key != endpoints));

        // The endpoints differ only in the Last-Modified of the compressed copies, which the file dates as the sources.
        string Undated(Output publication) => Regex.Replace(File.ReadAllText(Path.Combine(publication.Folder("app"), endpoints)), "\"Last-Modified\",\"Value\":\"[^\"]+\"", "");
        Assert.Equal(Undated(plain), Undated(layered));
        Assert.Contains("\"Last-Modified\",\"Value\":\"Sat, 01 Jan 2000 00:00:00 GMT\"", File.ReadAllText(Path.Combine(layered.Folder("app"), endpoints)));
        Assert.DoesNotContain("Sat, 01 Jan 2000", File.ReadAllText(Path.Combine(plain.Folder("app"), endpoints)));
    }

    [Fact]
    public void FoldersTheMoveEmptiedLeaveTheAppLayer()
    {
        // Without a runtime identifier, native assets keep their runtimes/<rid>/native/ folders.
        var layered = projects.Publish("portable", layered: true, "-p:RuntimeIdentifier=");

        Assert.Contains("runtimes/linux-x64/native/libcapstone.so", layered.Files("packages"));
        Assert.False(Directory.Exists(Path.Combine(layered.Folder("app"), "runtimes")), "runtimes/ was left in the app layer");
        Assert.False(Directory.Exists(Path.Combine(layered.Folder("app"), "fr")), "fr/ was left in the app layer");
        Assert.True(Directory.Exists(Path.Combine(layered.Folder("app"), "de")), "de/ holds the app's own satellite");
        Assert.Empty(layered.EmptyFolders("app"));
    }

    [Fact]
    public void WithoutALayerFolderTheFileDoesNothing()
    {
        var plain = projects.Publish("framework-dependent", layered: false);
        var imported = projects.Publish("imported-only", layered: false, $"-p:CustomAfterMicrosoftCommonTargets={projects.TargetsFile}");

        Assert.Equal(plain.Hashes("app"), imported.Hashes("app"));
    }

    [Fact]
    public void AnAppEditLeavesThePackageAndProjectLayersByteIdentical()
    {
        var before = projects.Publish("before-edit", layered: true);
        var program = Path.Combine(projects.Root, "App", "Program.cs");
        var source = File.ReadAllText(program);
        try
        {
            File.WriteAllText(program, source + "System.Console.WriteLine(\"edited\");\n");
            var after = projects.Publish("after-edit", layered: true);

            Assert.Equal(before.Hashes("packages"), after.Hashes("packages"));
            Assert.Equal(before.Hashes("projects"), after.Hashes("projects"));
            Assert.NotEqual(before.Hashes("app")["App.dll"], after.Hashes("app")["App.dll"]);
        }
        finally
        {
            File.WriteAllText(program, source);
        }
    }

    private static List<string> Sorted(IEnumerable<string> files) => files.OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>One publish's folders: <c>app</c> (the publish folder) and, when layered, <c>runtime</c>, <c>packages</c>, <c>projects</c>.</summary>
    public sealed record Output(string Directory)
    {
        public string Folder(string layer) => layer == "app" ? Path.Combine(Directory, "app") : Path.Combine(Directory, "layers", layer, "app");

        public List<string> Files(string layer)
        {
            var folder = Folder(layer);
            Assert.True(System.IO.Directory.Exists(folder), $"{folder} was not made");
            return Sorted(System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')));
        }

        public List<string> EmptyFolders(string layer) =>
            System.IO.Directory.EnumerateDirectories(Folder(layer), "*", SearchOption.AllDirectories).Where(d => !System.IO.Directory.EnumerateFileSystemEntries(d).Any()).ToList();

        public SortedDictionary<string, string> Hashes(string layer) =>
            new(Files(layer).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder(layer), f))))), StringComparer.Ordinal);

        // Every layer's files, as the final image's /app would hold them; a file in two layers fails.
        public SortedDictionary<string, string> AllHashes()
        {
            var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var layer in new[] { "runtime", "packages", "projects", "app" })
            {
                foreach (var (file, hash) in Hashes(layer))
                {
                    all.Add(file, hash);
                }
            }

            return all;
        }
    }

    /// <summary>The projects, written once; publishes are kept by name so that tests share them.</summary>
    public sealed class Projects : IDisposable
    {
        private readonly TempDirectory temp = new("dfg-layers");
        private readonly Dictionary<string, Output> published = new();

        public Projects()
        {
            TargetsFile = temp.Write("Dockerfile.layers.targets", GeneratedFileMarker.ApplyXml(LayersTargetsRenderer.Render(), "App.csproj"));
            temp.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                    <SatelliteResourceLanguages>de;fr</SatelliteResourceLanguages>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.CodeAnalysis.Common" Version="4.8.0" />
                    <PackageReference Include="Gee.External.Capstone" Version="2.3.0" />
                    <ProjectReference Include="../Lib/Lib.csproj" />
                    <None Update="appsettings.json;appsettings.Development.json" CopyToOutputDirectory="PreserveNewest" CopyToPublishDirectory="PreserveNewest" />
                  </ItemGroup>
                </Project>
                """);
            temp.Write("Web/Web.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                    <SatelliteResourceLanguages>de;fr</SatelliteResourceLanguages>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.CodeAnalysis.Common" Version="4.8.0" />
                    <PackageReference Include="Gee.External.Capstone" Version="2.3.0" />
                    <ProjectReference Include="../Lib/Lib.csproj" />
                  </ItemGroup>
                </Project>
                """);
            temp.Write("Web/Program.cs", "var app = WebApplication.Create(args);\napp.UseStaticFiles();\napp.MapGet(\"/\", () => typeof(Microsoft.CodeAnalysis.SyntaxTree).Name + Lib.Greeter.Hello());\napp.Run();\n");
            temp.Write("Web/wwwroot/css/site.css", "body { color: black; }\n");
            temp.Write("App/Program.cs", "System.Console.WriteLine(typeof(Microsoft.CodeAnalysis.SyntaxTree).Name + Lib.Greeter.Hello() + App.Strings.Hi);\n");
            temp.Write("App/Strings.cs", Resources("App", "Strings"));
            temp.Write("App/Strings.resx", Resx("hi"));
            temp.Write("App/Strings.de.resx", Resx("hallo"));
            temp.Write("App/appsettings.json", "{}\n");
            temp.Write("App/appsettings.Development.json", "{}\n");
            temp.Write("Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <NoWarn>$(NoWarn);CS1591</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <Content Include="lib.json" CopyToOutputDirectory="PreserveNewest" CopyToPublishDirectory="PreserveNewest" />
                  </ItemGroup>
                </Project>
                """);
            // The SBOM's app (SbomTargetsTests): a package graph, a PrivateAssets="all" package and a referenced project.
            temp.Write("Svc/Svc.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                    <Version>1.2.3</Version>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Extensions.Logging" Version="6.0.0" />
                    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                    <PackageReference Include="Microsoft.CodeAnalysis.Analyzers" Version="3.11.0" PrivateAssets="all" />
                    <ProjectReference Include="../Lib/Lib.csproj" />
                  </ItemGroup>
                </Project>
                """);
            temp.Write("Svc/Program.cs", "using Microsoft.Extensions.Logging;\nusing var factory = LoggerFactory.Create(_ => { });\nSystem.Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(Lib.Greeter.Hello()) + factory.CreateLogger(\"svc\").IsEnabled(LogLevel.Information));\n");
            temp.Write("Lib/Greeter.cs", "namespace Lib;\npublic static class Greeter { public static string Hello() => Texts.Hi; }\n");
            temp.Write("Lib/Texts.cs", Resources("Lib", "Texts"));
            temp.Write("Lib/Texts.resx", Resx("lib"));
            temp.Write("Lib/Texts.de.resx", Resx("bibliothek"));
            temp.Write("Lib/lib.json", "{}\n");
        }

        public string Root => temp.Path;

        public string TargetsFile { get; }

        /// <summary>A plain publish and a layered one with the same arguments.</summary>
        public (Output Plain, Output Layered) PublishBoth(string name, params string[] arguments) => PublishBothOf("App", name, arguments);

        /// <summary>A plain publish and a layered one of <paramref name="project"/> with the same arguments.</summary>
        public (Output Plain, Output Layered) PublishBothOf(string project, string name, params string[] arguments) =>
            (Publish(name, layered: false, project, arguments), Publish(name, layered: true, project, arguments));

        /// <summary>Publishes App with the arguments, into a folder of its own; layered, as the image's build stage does.</summary>
        public Output Publish(string name, bool layered, params string[] arguments) => Publish(name, layered, "App", arguments);

        /// <summary>Publishes <paramref name="project"/> with the arguments, into a folder of its own, layered or not.</summary>
        public Output Publish(string name, bool layered, string project, string[] arguments)
        {
            var key = (layered ? "layered-" : "plain-") + name;
            if (published.TryGetValue(key, out var output))
            {
                return output;
            }

            var directory = Path.Combine(temp.Path, "out", key);
            var layers = layered
                ? new[]
                {
                    $"-p:CustomAfterMicrosoftCommonTargets={TargetsFile}",
                    $"-p:{LayersTargetsRenderer.RuntimeLayerProperty}={Path.Combine(directory, "layers", "runtime", "app")}",
                    $"-p:{LayersTargetsRenderer.PackagesLayerProperty}={Path.Combine(directory, "layers", "packages", "app")}",
                    $"-p:{LayersTargetsRenderer.ProjectsLayerProperty}={Path.Combine(directory, "layers", "projects", "app")}",
                }
                : Array.Empty<string>();
            DotNet.Run(Path.Combine(temp.Path, project), new[] { "publish", project + ".csproj", "-c", "Release", "-nodeReuse:false", "-o", Path.Combine(directory, "app") }.Concat(arguments).Concat(layers).ToArray())
                .EnsureSuccess($"publish {key}");
            return published[key] = new Output(directory);
        }

        public void Dispose() => temp.Dispose();

        private static string Resources(string ns, string name) =>
            $"namespace {ns};\ninternal static class {name} {{ private static readonly System.Resources.ResourceManager M = new(\"{ns}.{name}\", typeof({name}).Assembly); public static string Hi => M.GetString(\"Hi\")!; }}\n";

        private static string Resx(string value) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
              <resheader name="version"><value>2.0</value></resheader>
              <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
              <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
              <data name="Hi"><value>{value}</value></data>
            </root>
            """;
    }
}
