using DockerfileGen.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks.Tests;

/// <summary>Which packages the app runs with, from the assets file restore writes, else from the direct references.</summary>
public sealed class PackageEvidenceTests : IDisposable
{
    // The shape NuGet writes (project.assets.json version 3), cut down to the entries each rule needs: a library, a
    // package whose only run-time files are native ones per runtime, placeholder-only and build-only packages, an
    // analyzer with no files at all, a project reference, and the targets of a second framework and of a runtime.
    private const string Assets = """
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "Microsoft.Extensions.Logging.Abstractions/9.0.0": {
                "type": "package",
                "compile": { "lib/net9.0/Microsoft.Extensions.Logging.Abstractions.dll": { "related": ".xml" } },
                "runtime": { "lib/net9.0/Microsoft.Extensions.Logging.Abstractions.dll": { "related": ".xml" } }
              },
              "SkiaSharp/2.88.8": {
                "type": "package",
                "dependencies": { "SkiaSharp.NativeAssets.Linux": "2.88.8" },
                "compile": { "lib/net6.0/SkiaSharp.dll": {} },
                "runtime": { "lib/net6.0/SkiaSharp.dll": {} }
              },
              "SkiaSharp.NativeAssets.Linux/2.88.8": {
                "type": "package",
                "compile": { "lib/net6.0/_._": {} },
                "runtime": { "lib/net6.0/_._": {} },
                "runtimeTargets": {
                  "runtimes/linux-arm64/native/libSkiaSharp.so": { "assetType": "native", "rid": "linux-arm64" },
                  "runtimes/linux-x64/native/libSkiaSharp.so": { "assetType": "native", "rid": "linux-x64" }
                }
              },
              "Microsoft.NETCore.Platforms/1.1.0": {
                "type": "package",
                "compile": { "lib/netstandard1.0/_._": {} },
                "runtime": { "lib/netstandard1.0/_._": {} }
              },
              "Microsoft.SourceLink.GitHub/8.0.0": {
                "type": "package",
                "build": { "build/Microsoft.SourceLink.GitHub.props": {}, "build/Microsoft.SourceLink.GitHub.targets": {} },
                "buildMultiTargeting": { "buildMultiTargeting/Microsoft.SourceLink.GitHub.props": {} }
              },
              "StyleCop.Analyzers/1.1.118": { "type": "package" },
              "system.drawing.common/8.0.0": {
                "type": "package",
                "compile": { "lib/net8.0/System.Drawing.Common.dll": {} },
                "runtime": { "lib/net8.0/System.Drawing.Common.dll": {} }
              },
              "Shared/1.0.0": {
                "type": "project",
                "framework": ".NETCoreApp,Version=v10.0",
                "compile": { "bin/placeholder/Shared.dll": {} },
                "runtime": { "bin/placeholder/Shared.dll": {} }
              }
            },
            "net10.0/linux-x64": {
              "runtime.linux-x64.Microsoft.DotNet.ILCompiler/10.0.0": {
                "type": "package",
                "native": { "sdk/libRuntime.a": {} }
              }
            },
            "net8.0": {
              "Legacy.Client/2.0.0": {
                "type": "package",
                "runtime": { "lib/net8.0/Legacy.Client.dll": {} }
              }
            },
            ".NETCoreApp,Version=v9.0": {
              "Named.ByFramework/1.0.0": {
                "type": "package",
                "resource": { "lib/net9.0/fr/Named.ByFramework.resources.dll": { "locale": "fr" } }
              }
            }
          },
          "project": { "version": "1.0.0" }
        }
        """;

    private readonly TempDirectory temp = new("dfg-assets");

    public void Dispose() => temp.Dispose();

    private string Write(string content)
    {
        var path = Path.Combine(temp.Path, "project.assets.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ListsThePackagesWithRunTimeFilesOfTheFrameworkInOrder()
    {
        var packages = PackageEvidence.Read(Write(Assets), "net10.0", ".NETCoreApp", "v10.0");

        Assert.Equal(new[] { "Microsoft.Extensions.Logging.Abstractions", "SkiaSharp", "SkiaSharp.NativeAssets.Linux", "system.drawing.common" }, packages);
    }

    [Fact]
    public void ReadsTheTargetOfTheFrameworkTheImagePublishes()
    {
        var path = Write(Assets);

        Assert.Equal(new[] { "Legacy.Client" }, PackageEvidence.Read(path, "net8.0", ".NETCoreApp", "v8.0"));
        Assert.Equal(new[] { "Named.ByFramework" }, PackageEvidence.Read(path, "net9.0", ".NETCoreApp", "v9.0"));
        Assert.Null(PackageEvidence.Read(path, "net7.0", ".NETCoreApp", "v7.0"));
    }

    [Fact]
    public void WithoutAFrameworkOnlyTargetReadsALinuxRuntimeTarget()
    {
        var path = Write("""
            {
              "version": 3,
              "targets": {
                "net10.0/osx-arm64": { "Mac.Only/1.0.0": { "type": "package", "runtime": { "lib/net10.0/Mac.Only.dll": {} } } },
                "net10.0/linux-x64": { "Linux.Only/1.0.0": { "type": "package", "runtime": { "lib/net10.0/Linux.Only.dll": {} } } },
                "net10.0/win-x64": { "Windows.Only/1.0.0": { "type": "package", "runtime": { "lib/net10.0/Windows.Only.dll": {} } } }
              }
            }
            """);

        Assert.Equal(new[] { "Linux.Only" }, PackageEvidence.Read(path, "net10.0", ".NETCoreApp", "v10.0"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{ not json")]
    [InlineData("""{ "version": 3 }""")]
    public void NoAssetsFileOrNoTargetGivesNull(string? content)
    {
        var path = content is null ? Path.Combine(temp.Path, "missing.assets.json") : Write(content);

        Assert.Null(PackageEvidence.Read(path, "net10.0", ".NETCoreApp", "v10.0"));
    }

    private static ITaskItem Reference(string id, string includeAssets = "", string excludeAssets = "", string privateAssets = "")
    {
        var item = new TaskItem(id);
        item.SetMetadata("IncludeAssets", includeAssets);
        item.SetMetadata("ExcludeAssets", excludeAssets);
        item.SetMetadata("PrivateAssets", privateAssets);
        return item;
    }

    private static readonly ITaskItem[] DirectReferences =
    {
        Reference("System.Drawing.Common"),
        Reference("StyleCop.Analyzers", includeAssets: "runtime; build; native; contentfiles; analyzers", privateAssets: "all"),
        Reference("Roslynator.Analyzers", includeAssets: "analyzers;build", privateAssets: "all"),
        Reference("Tool.Only", excludeAssets: "All"),
        Reference("Compile.Excluded", excludeAssets: "compile;runtime;native"),
        Reference("SkiaSharp"),
        Reference("skiasharp"),
    };

    [Fact]
    public void WithoutAnAssetsFileTheTaskTakesTheDirectReferencesWithRunTimeAssets()
    {
        var settings = Settings("net10.0", "v10.0", Path.Combine(temp.Path, "obj", "project.assets.json"));

        Assert.Equal(new[] { "SkiaSharp", "StyleCop.Analyzers", "System.Drawing.Common" }, GenerateDockerfile.RunTimePackages(settings));
    }

    [Fact]
    public void WithAnAssetsFileTheTaskTakesRestoresListOverTheDirectReferences()
    {
        var settings = Settings("net8.0", "v8.0", Write(Assets));

        Assert.Equal(new[] { "Legacy.Client" }, GenerateDockerfile.RunTimePackages(settings));
    }

    // The settings as the targets pass them: the framework, the assets file and the PackageReference items.
    private static ProjectSettings Settings(string targetFramework, string version, string assetsFile)
    {
        var task = new GenerateDockerfile
        {
            Settings = TaskSettings.Of(
                (GenerateDockerfile.Known.TargetFramework, targetFramework),
                (GenerateDockerfile.Known.TargetFrameworkIdentifier, ".NETCoreApp"),
                (GenerateDockerfile.Known.TargetFrameworkVersion, version),
                (GenerateDockerfile.Known.ProjectAssetsFile, assetsFile)),
        };
        task.SetItems(GenerateDockerfile.Known.PackageReferences, DirectReferences);
        return ProjectSettings.Read(task.Settings, GenerateDockerfile.Known.All);
    }
}
