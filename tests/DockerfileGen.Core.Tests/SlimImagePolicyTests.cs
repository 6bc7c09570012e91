using DockerfileGen.Diagnostics;
using DockerfileGen.Model;
using DockerfileGen.Testing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// The slim default (issue 19): the chiseled image of the app's version unless the project or its code needs more, one
/// test per rule of that choice, through the generator's public entry.
/// </summary>
public sealed class SlimImagePolicyTests
{
    public static TheoryData<string, string, string> Apps()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var version in new[] { "6.0", "7.0", "8.0", "9.0", "10.0", "11.0" })
        {
            foreach (var kind in new[] { "web", "console", "self-contained" })
            {
                var os = version is "6.0" or "7.0" ? "jammy" : version == "11.0" ? "resolute" : "noble";
                var repository = kind == "web" ? "aspnet" : kind == "console" ? "runtime" : "runtime-deps";
                data.Add(version, kind, $"{repository}:{(version == "11.0" ? "11.0-preview" : version)}-{os}-chiseled-extra");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void TheDefaultIsTheChiseledExtraImageOfTheAppsVersion(string version, string kind, string image)
    {
        var facts = (kind == "web" ? Facts.WebApi(version) : Facts.Console(version)) with { SelfContained = kind == "self-contained" };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains($"\nFROM mcr.microsoft.com/dotnet/{image} AS final\n", result.Dockerfile!.Content);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(DockerfileValidator.Validate(result.Dockerfile.Content).Findings);
    }

    [Fact]
    public void AnInvariantAppGetsTheChiseledImageWithoutIcu()
    {
        var content = Final(Facts.WebApi() with { InvariantGlobalization = true });

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", content);
    }

    [Fact]
    public void TheSdkPolicyKeepsTheImageTheSdkPicks()
    {
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Final(Facts.WebApi(), new GenerationOptions { ImagePolicy = "sdk" }));
        Assert.Equal("mcr.microsoft.com/dotnet/runtime:8.0", Final(Facts.Console(), new GenerationOptions { ImagePolicy = "SDK" }));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra", Final(Facts.WebApi(), new GenerationOptions { ImagePolicy = "slim" }));
    }

    [Fact]
    public void AnUnknownPolicyIsDFG0080()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { ImagePolicy = "tiny" });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "DFG0080");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'tiny'", error.Message);
        Assert.Contains("slim", error.Message);
        Assert.Contains("sdk", error.Message);
    }

    [Fact]
    public void MuslAppsKeepAlpine()
    {
        var facts = Facts.WebApi() with { Container = new ContainerSettings { RuntimeIdentifiers = new[] { "linux-musl-x64" } } };

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-alpine", Final(facts));
    }

    [Fact]
    public void ContainerFamilyAndBaseImageWinOverThePolicy()
    {
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble", Final(Facts.WebApi() with { Container = new ContainerSettings { Family = "noble" } }));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Final(Facts.WebApi() with { Container = new ContainerSettings { BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0" } }));
    }

    [Fact]
    public void OsPackagesOnAnExplicitChiseledFamilyStayDFG0029()
    {
        var facts = Facts.WebApi() with { Container = new ContainerSettings { Family = "noble-chiseled" } };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions { OsPackages = new[] { new OsPackage("curl", "") } });

        Assert.Contains(result.Diagnostics, d => d.Code == "DFG0029");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "DFG0081");
    }

    /// <summary>Each rule of the choice: the facts and options that need more than a chiseled image, and what DFG0081 names.</summary>
    public static TheoryData<string, ProjectFacts, GenerationOptions, string> Needs() => new()
    {
        { "os package for the final stage", Facts.WebApi(), new GenerationOptions { OsPackages = new[] { new OsPackage("libgdiplus", "final") } }, "DockerfileGenOsPackage installs libgdiplus" },
        { "RUN injected into the final stage", Facts.WebApi(), new GenerationOptions { Instructions = new[] { new InjectedInstruction("data", "RUN mkdir /data", "final", "BeforeUser") } }, "DockerfileGenInstruction 'data' runs a command" },
        { "started executable", Facts.WebApi() with { Source = new SourceFacts { StartedExecutables = new[] { "sh" } } }, new GenerationOptions(), "the code starts sh" },
        { "native library", Facts.WebApi() with { Source = new SourceFacts { NativeLibraries = new[] { "libsodium" } } }, new GenerationOptions(), "the native library libsodium" },
        { "System.Drawing.Common", Facts.WebApi() with { PackageReferences = new[] { "System.Drawing.Common" } }, new GenerationOptions(), "System.Drawing.Common needs libgdiplus" },
        { "libgdiplus wrapper", Facts.WebApi() with { PackageReferences = new[] { "CoreCompat.System.Drawing" } }, new GenerationOptions(), "CoreCompat.System.Drawing needs libgdiplus" },
        { "SkiaSharp with Linux assets", Facts.WebApi() with { PackageReferences = new[] { "SkiaSharp", "SkiaSharp.NativeAssets.Linux" } }, new GenerationOptions(), "SkiaSharp.NativeAssets.Linux needs fontconfig and freetype" },
        { "SkiaSharp without Linux assets", Facts.WebApi() with { PackageReferences = new[] { "SkiaSharp" } }, new GenerationOptions(), "SkiaSharp needs its native library" },
    };

    [Theory]
    [MemberData(nameof(Needs))]
    public void ANeedFallsBackToTheFullImageOfTheSameVersionAndDistribution(string rule, ProjectFacts facts, GenerationOptions options, string reason)
    {
        var result = DockerfileGenerator.Generate(facts, options);

        Assert.True(result.Succeeded, rule + ": " + string.Join("\n", result.Diagnostics));
        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\n", result.Dockerfile!.Content);
        var info = Assert.Single(result.Diagnostics, d => d.Code == "DFG0081");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains(reason, info.Message);
        Assert.Contains("aspnet:10.0-noble-chiseled-extra (about 25 MB more, compressed)", info.Message);
        Assert.Empty(DockerfileValidator.Validate(result.Dockerfile.Content).Findings);
    }

    /// <summary>What does not need more than a chiseled image: the build stage, instructions without a shell, a package that brings its own libraries.</summary>
    public static TheoryData<string, ProjectFacts, GenerationOptions> NoNeeds() => new()
    {
        { "os package for the build stage", Facts.WebApi(), new GenerationOptions { OsPackages = new[] { new OsPackage("clang", "build") } } },
        { "ENV injected into the final stage", Facts.WebApi(), new GenerationOptions { Instructions = new[] { new InjectedInstruction("tz", "ENV TZ=UTC", "final", "End") } } },
        { "RUN injected into the build stage", Facts.WebApi(), new GenerationOptions { Instructions = new[] { new InjectedInstruction("info", "RUN dotnet --info", "build", "Start") } } },
        { "SkiaSharp without dependencies", Facts.WebApi() with { PackageReferences = new[] { "SkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies" } }, new GenerationOptions() },
        { "source facts without processes or libraries", Facts.WebApi() with { Source = new SourceFacts { NeedsGlobalization = true } }, new GenerationOptions() },
    };

    [Theory]
    [MemberData(nameof(NoNeeds))]
    public void WhatAChiseledImageCanRunKeepsIt(string rule, ProjectFacts facts, GenerationOptions options)
    {
        var result = DockerfileGenerator.Generate(facts, options);

        Assert.True(result.Succeeded, rule + ": " + string.Join("\n", result.Diagnostics));
        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final\n", result.Dockerfile!.Content);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "DFG0081");
    }

    [Fact]
    public void AWgetHealthCheckFallsBackAndSaysTheFullImageHasNoWgetEither()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { HealthCheck = "wget" });

        Assert.Contains(result.Diagnostics, d => d.Code == "DFG0081" && d.Message.Contains("DockerfileGenHealthCheck=wget runs wget"));
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:10.0 has no wget", error.Message);
        Assert.Contains("probe", error.Message);
    }

    [Fact]
    public void TheFallbackNamesNoSizeWhereNoneIsKnown()
    {
        var facts = Facts.Console("8.0") with { Source = new SourceFacts { StartedExecutables = new[] { "bash", "curl" } } };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/runtime:8.0-noble AS final\n", result.Dockerfile!.Content);
        var info = Assert.Single(result.Diagnostics, d => d.Code == "DFG0081");
        Assert.Contains("runtime:8.0-noble instead of the smaller runtime:8.0-noble-chiseled-extra, because the code starts bash, curl", info.Message);
        Assert.DoesNotContain("MB", info.Message);
    }

    [Fact]
    public void ANativeAotAppThatStartsAShellGetsTheFullRuntimeDepsImage()
    {
        var facts = Facts.Console("10.0") with { PublishAot = true, Source = new SourceFacts { StartedExecutables = new[] { "sh" } } };

        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0", Final(facts));
        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra",
            Final(facts, new GenerationOptions { ImagePolicy = "sdk" }));
    }

    [Fact]
    public void TheProbeHealthCheckRunsOnTheChiseledDefault()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { HealthCheck = "probe" });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final\n", result.Dockerfile!.Content);
        Assert.Contains("HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"./WebApi\",", result.Dockerfile.Content);
        Assert.Empty(DockerfileValidator.Validate(result.Dockerfile.Content).Findings);
        Assert.Empty(FoundationChecks.Violations(result.Dockerfile.Content));
    }

    private static string Final(ProjectFacts facts, GenerationOptions? options = null)
    {
        var result = DockerfileGenerator.Generate(facts, options ?? new GenerationOptions());
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var line = result.Dockerfile!.Content.Split('\n').Single(l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS final", StringComparison.Ordinal));
        return line.Substring(5, line.Length - 5 - " AS final".Length);
    }
}
