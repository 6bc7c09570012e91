using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Model;
using DockerfileGen.Planning;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// Parity with the SDK's PublishContainer inference (IMAGES.md), over every version the catalog knows, every family
/// choice and every deployment mode.
/// </summary>
public sealed class BaseImageResolverTests
{
    public static readonly string[] DeploymentModes = { "framework-dependent", "self-contained", "single-file", "trimmed", "ready-to-run", "aot" };

    public static readonly string[] FamilyChoices = { "(none)", "musl", "alpine", "chiseled", "chiseled-invariant" };

    public static TheoryData<string, string, string, bool> Table()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var version in ImageCatalog.Versions)
        {
            foreach (var family in FamilyChoices)
            {
                foreach (var mode in DeploymentModes)
                {
                    data.Add(version.ToString(), family, mode, false);
                    data.Add(version.ToString(), family, mode, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryVersionFamilyAndModeGetsTheSdksImageOrACodedError(string versionText, string family, string mode, bool web)
    {
        var version = new DotNetVersion(int.Parse(versionText.Split('.')[0]), 0);
        var facts = (web ? Facts.WebApi(versionText) : Facts.Console(versionText)) with
        {
            SelfContained = mode is "self-contained" or "single-file",
            PublishSingleFile = mode == "single-file",
            PublishTrimmed = mode == "trimmed",
            PublishReadyToRun = mode == "ready-to-run",
            PublishAot = mode == "aot",
            InvariantGlobalization = family == "chiseled-invariant" ? true : null,
            Container = new ContainerSettings
            {
                RuntimeIdentifiers = family == "musl" ? new[] { "linux-musl-x64", "linux-musl-arm64" } : new string[0],
                Family = family switch
                {
                    "alpine" => "alpine",
                    "chiseled" or "chiseled-invariant" => ImageCatalog.ChiseledOs(version) + "-chiseled",
                    _ => "",
                },
            },
        };

        var sdkPolicy = new GenerationOptions { ImagePolicy = "sdk" };
        var diagnostics = new List<Diagnostic>();
        var images = BaseImageResolver.Resolve(facts, sdkPolicy, version, diagnostics);
        var result = DockerfileGenerator.Generate(facts, sdkPolicy);

        // Native AOT does not exist before .NET 7, nor for ASP.NET Core before .NET 8: the SDK refuses, so do we.
        if (mode == "aot" && (version.Major < 7 || (web && version.Major < 8)))
        {
            Assert.Contains(result.Diagnostics, d => d.Code == "DFG0031");
            return;
        }

        Assert.NotNull(images);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Code + " " + d.Message)));
        var tag = images!.Final.Tag;
        var suffix = tag.Substring(ImageCatalog.VersionTag(version).Length).TrimStart('-');

        // Rule 2: runtime-deps for self-contained (trimmed and AOT are), aspnet for ASP.NET Core, runtime otherwise.
        var selfContained = mode is "self-contained" or "single-file" or "trimmed" or "aot";
        Assert.Equal("dotnet/" + (selfContained ? "runtime-deps" : web ? "aspnet" : "runtime"), images.Final.Repository);

        // Rule 3: the target framework's version.
        Assert.StartsWith(ImageCatalog.VersionTag(version), tag);

        // Rule 4: musl runtime identifiers get Alpine; rule 5: a family is used as given, a chiseled one gets -extra
        // unless the app is invariant; rule 6: AOT and trimmed apps on .NET 8+ get chiseled, -extra unless invariant.
        var invariant = family == "chiseled-invariant";
        var compact = mode is "trimmed" or "aot";
        var expected = family switch
        {
            "musl" => "alpine" + (compact && ImageCatalog.TryFind(images.Final.Repository, version, "alpine-extra", out _) ? "-extra" : ""),
            "alpine" => "alpine",
            "chiseled" => ImageCatalog.ChiseledOs(version) + "-chiseled-extra",
            "chiseled-invariant" => ImageCatalog.ChiseledOs(version) + "-chiseled",
            _ => compact && version.Major >= 8
                ? ImageCatalog.ChiseledOs(version) + "-chiseled" + (ImageCatalog.TryFind(images.Final.Repository, version, ImageCatalog.ChiseledOs(version) + "-chiseled-extra", out _) ? "-extra" : "")
                : "",
        };
        Assert.Equal(expected, suffix);
        Assert.True(ImageCatalog.TryFind(images.Final.Repository, version, suffix, out _), $"{images.Final} is not in the catalog");

        // Alpine without -extra gets ICU installed, unless the app is invariant.
        Assert.Equal(images.FinalFlavor.IsMusl && !images.FinalFlavor.HasIcu && !invariant, images.InstallIcu);

        // AOT builds on the target platform, from the -aot SDK image where the catalog has one for the final OS.
        Assert.Equal(mode == "aot", images.NativeAot);
        Assert.Equal(mode == "aot" && !images.SdkFlavor.Aot, images.AotToolchain.Count > 0);
        if (mode == "aot" && ImageCatalog.TryFind("sdk", version, images.FinalFlavor.OsName + "-aot", out _))
        {
            Assert.EndsWith(images.FinalFlavor.OsName + "-aot", images.Sdk.Tag);
        }
    }

    [Fact]
    public void ContainerBaseImageWinsAndFamilyIsSaidToBeIgnored()
    {
        var facts = Facts.WebApi() with { Container = new ContainerSettings { BaseImage = "registry.example.com/base/aspnet:10.0-custom", Family = "alpine" } };
        var diagnostics = new List<Diagnostic>();

        var images = BaseImageResolver.Resolve(facts, new GenerationOptions(), new DotNetVersion(10, 0), diagnostics);

        Assert.Equal("registry.example.com/base/aspnet:10.0-custom", images!.Final.ToString());
        Assert.Contains(diagnostics, d => d.Code == "DFG0039" && d.Message.Contains("ContainerFamily"));
    }

    [Fact]
    public void ANet8SdkOlderThan8_0_300PicksJammyAsThatSdkDoes()
    {
        var facts = Facts.Console("8.0") with { PublishAot = true, InvariantGlobalization = true, SdkVersion = "8.0.204" };

        var images = BaseImageResolver.Resolve(facts, new GenerationOptions(), new DotNetVersion(8, 0), new List<Diagnostic>());

        Assert.Equal("8.0-jammy-chiseled", images!.Final.Tag);
        Assert.Equal("8.0-jammy", images.Sdk.Tag);
    }

    [Fact]
    public void TheMirrorReplacesTheRegistryOfEveryCatalogImageButNotTheUsersOwn()
    {
        var facts = Facts.WebApi();
        var options = new GenerationOptions { ImageRegistry = "mirror.example.com:5000/dotnet-mirror", SdkImage = "tools.example.com/sdk:10.0" };

        var images = BaseImageResolver.Resolve(facts, options, new DotNetVersion(10, 0), new List<Diagnostic>());

        Assert.Equal("mirror.example.com:5000/dotnet-mirror/dotnet/aspnet:10.0-noble-chiseled-extra", images!.Final.ToString());
        Assert.Equal("tools.example.com/sdk:10.0", images.Sdk.ToString());
    }

    [Fact]
    public void AChiseledImageWithoutIcuForAnAppThatMayNeedItIsAWarning()
    {
        var facts = Facts.WebApi() with { Container = new ContainerSettings { BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled" } };
        var diagnostics = new List<Diagnostic>();

        BaseImageResolver.Resolve(facts, new GenerationOptions(), new DotNetVersion(10, 0), diagnostics);

        Assert.Contains(diagnostics, d => d.Code == "DFG0041" && d.Severity == DiagnosticSeverity.Warning);
    }
}
