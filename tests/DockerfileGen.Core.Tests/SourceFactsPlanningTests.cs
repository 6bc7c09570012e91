using DockerfileGen.Model;

namespace DockerfileGen.Core.Tests;

/// <summary>What the app's code says (found by the analyzer, read from the assembly) shapes the Dockerfile.</summary>
public sealed class SourceFactsPlanningTests
{
    private static string Generate(ProjectFacts facts, GenerationOptions? options = null)
    {
        var result = DockerfileGenerator.Generate(facts, options ?? new GenerationOptions());
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Code + " " + d.Message)));
        return result.Dockerfile!.Content;
    }

    [Fact]
    public void PortsTheCodeBindsAreExposedAndTheImageSaysTheSame()
    {
        var content = Generate(Facts.WebApi() with { Source = new SourceFacts { Ports = new[] { 5005, 5006 } } });

        Assert.Contains("\nENV ASPNETCORE_HTTP_PORTS=\"5005;5006\"\nEXPOSE 5005 5006\n", content);
        Assert.DoesNotContain("ASPNETCORE_URLS", content);
        Assert.Empty(DockerfileGen.Validation.DockerfileValidator.Validate(content).Findings);
    }

    [Fact]
    public void ContainerPortItemsWinOverTheCode()
    {
        var content = Generate(Facts.WebApi() with
        {
            Source = new SourceFacts { Ports = new[] { 5005 } },
            Container = new ContainerSettings { Ports = new[] { new ContainerPortSpec("7000", "") } },
        });

        Assert.Contains("\nEXPOSE 7000\n", content);
        Assert.DoesNotContain("5005", content);
    }

    [Fact]
    public void ALegacyWebHostAppListensOnAllInterfacesThroughAspNetCoreUrls()
    {
        var content = Generate(Facts.WebApi() with { Source = new SourceFacts { LegacyWebHost = true, Ports = new[] { 5000 } } });

        Assert.Contains("\nENV ASPNETCORE_URLS=\"http://+:5000\"\nEXPOSE 5000\n", content);
        Assert.Contains("docker run --rm -p 5000:5000 webapi", content);
    }

    [Fact]
    public void WithoutFactsNothingChanges()
    {
        Assert.Equal(Generate(Facts.WebApi()), Generate(Facts.WebApi() with { Source = new SourceFacts() }));
    }

    [Fact]
    public void TheHealthPathOfTheCodeIsWhatWgetRequests()
    {
        var facts = Facts.WebApi() with { Source = new SourceFacts { HealthPath = "/health/ready" }, Container = new ContainerSettings { Family = "alpine" } };

        var content = Generate(facts, new GenerationOptions { HealthCheck = "wget" });

        Assert.Contains("\"http://127.0.0.1:8080/health/ready\"]", content);
    }

    [Fact]
    public void AProbeTheCompiledAppDoesNotHaveIsACodedError()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi() with { Source = new SourceFacts() }, new GenerationOptions { HealthCheck = "probe" });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "DFG0036" && d.Message.Contains("DFG4005"));
    }

    [Fact]
    public void TheProbeRunsTheAppWithTheArgumentItWasCompiledWith()
    {
        var facts = Facts.WebApi() with { UseAppHost = false, Source = new SourceFacts { HealthProbeArgument = "--dockerfilegen-probe" } };

        var content = Generate(facts, new GenerationOptions { HealthCheck = "probe" });

        Assert.Contains("CMD [\"dotnet\", \"WebApi.dll\", \"--dockerfilegen-probe\"]\n", content);
    }

    [Theory]
    [InlineData(true, null, "azurelinux3.0-distroless-extra")]
    [InlineData(false, null, "azurelinux3.0-distroless")]
    [InlineData(true, true, "azurelinux3.0-distroless")]
    public void CodeThatUsesCulturesGetsTheExtraVariantOfADistrolessFamily(bool needsGlobalization, bool? invariant, string expected)
    {
        var facts = Facts.WebApi() with
        {
            InvariantGlobalization = invariant,
            Source = new SourceFacts { NeedsGlobalization = needsGlobalization },
            Container = new ContainerSettings { Family = "azurelinux3.0-distroless" },
        };

        Assert.Contains($"FROM mcr.microsoft.com/dotnet/aspnet:10.0-{expected} AS final", Generate(facts));
    }
}
