using DockerfileGen.Diagnostics;
using DockerfileGen.Model;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// An image the user names (ContainerBaseImage) must fit the app: non-root on every base, the runtime a
/// framework-dependent app needs, no second runtime under a self-contained one, Linux.
/// </summary>
public sealed class BaseImageContentsTests
{
    private static ProjectFacts On(ProjectFacts facts, string image) => facts with { Container = facts.Container with { BaseImage = image } };

    [Theory]
    [InlineData("debian:12-slim")]
    [InlineData("alpine:3.20")]
    [InlineData("gcr.io/distroless/cc-debian12:nonroot")]
    [InlineData("registry.example.com/golden/base:1")]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:6.0")]
    public void ASelfContainedAppRunsAsTheNumericUidOnABaseWithoutAppUid(string image)
    {
        var result = DockerfileGenerator.Generate(On(Facts.WebApi() with { SelfContained = true }, image), new GenerationOptions());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("\nUSER 1654\n", result.Dockerfile!.Content);
        Assert.DoesNotContain("APP_UID", result.Dockerfile.Content);
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0")]
    [InlineData("registry.example.com/mirror/dotnet/aspnet:8.0")]
    public void A_Net8PlusImageKeepsAppUid(string image)
    {
        var facts = On(Facts.WebApi() with { SelfContained = image.Contains("runtime-deps") }, image);

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.Contains("\nUSER $APP_UID\n", result.Dockerfile!.Content);
    }

    [Theory]
    [InlineData("debian:12-slim", ".NET runtime")]
    [InlineData("ubuntu:24.04", ".NET runtime")]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0", ".NET runtime")]
    [InlineData("mcr.microsoft.com/dotnet/runtime:10.0", "ASP.NET Core")]
    public void AFrameworkDependentAppOnAnImageWithoutItsRuntimeIsAnErrorAndWritesNothing(string image, string missing)
    {
        var result = DockerfileGenerator.Generate(On(Facts.WebApi(), image), new GenerationOptions());

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "DFG0042");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(missing, error.Message);
        Assert.Contains("SelfContained", error.Message);
    }

    [Fact]
    public void AConsoleAppOnTheRuntimeImageIsFine()
    {
        var result = DockerfileGenerator.Generate(On(Facts.Console("10.0"), "mcr.microsoft.com/dotnet/runtime:10.0"), new GenerationOptions());

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "DFG0042" or "DFG0043");
    }

    [Theory]
    [InlineData("self-contained")]
    [InlineData("aot")]
    public void ASelfContainedAppOnAFrameworkImageIsAWarning(string mode)
    {
        var facts = On(Facts.Console("10.0") with { SelfContained = mode == "self-contained", PublishAot = mode == "aot", InvariantGlobalization = true }, "mcr.microsoft.com/dotnet/aspnet:10.0");

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "DFG0043");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("runtime-deps", warning.Message);
    }

    [Fact]
    public void AWindowsFrameworkIsAnError()
    {
        var facts = Facts.Console("10.0") with { TargetFramework = "net10.0-windows" };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.False(result.Succeeded);
        Assert.Contains("net10.0-windows", Assert.Single(result.Diagnostics, d => d.Code == "DFG0044").Message);
    }

    [Fact]
    public void AWindowsImageIsAnError()
    {
        var result = DockerfileGenerator.Generate(On(Facts.WebApi(), "mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022"), new GenerationOptions());

        Assert.False(result.Succeeded);
        Assert.Single(result.Diagnostics, d => d.Code == "DFG0044");
    }
}
