using DockerfileGen.Core.Tests.Validation;
using DockerfileGen.Model;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// The deployment mode is read once from the project's properties; the planner (base image, publish arguments,
/// entrypoint) and the validator (DFG3009) both go by it, and every host's properties give the same value.
/// </summary>
public sealed class DeploymentModeTests
{
    // Properties as the project sets them → what the mode says, and the final stage's repository it must get.
    private static readonly Row[] Rows =
    {
        new("framework-dependent", Facts.WebApi(), SelfContained: false, StartsAppHost: true, Compact: false, Musl: false, "aspnet"),
        new("framework-dependent without apphost", Facts.WebApi() with { UseAppHost = false }, false, false, false, false, "aspnet"),
        new("self-contained", Facts.WebApi() with { SelfContained = true }, true, true, false, false, "runtime-deps"),
        new("self-contained without apphost", Facts.WebApi() with { SelfContained = true, UseAppHost = false }, true, true, false, false, "runtime-deps"),
        new("single-file", Facts.Console("10.0") with { PublishSingleFile = true }, false, true, false, false, "runtime"),
        new("single-file and self-contained", Facts.Console("10.0") with { PublishSingleFile = true, SelfContained = true }, true, true, false, false, "runtime-deps"),
        new("trimmed", Facts.Console("10.0") with { PublishTrimmed = true }, true, true, true, false, "runtime-deps"),
        new("trimmed without apphost", Facts.Console("10.0") with { PublishTrimmed = true, UseAppHost = false }, true, true, true, false, "runtime-deps"),
        new("native AOT", Facts.WebApi() with { PublishAot = true }, true, true, true, false, "runtime-deps"),
        new("ReadyToRun", Facts.WebApi() with { PublishReadyToRun = true }, false, true, false, false, "aspnet"),
        new("musl", Facts.WebApi() with { Container = new ContainerSettings { RuntimeIdentifiers = new[] { "linux-musl-x64", "linux-musl-arm64" } } }, false, true, false, true, "aspnet"),
        new("musl native AOT", Facts.Console("10.0") with { PublishAot = true, Container = new ContainerSettings { RuntimeIdentifiers = new[] { "linux-musl-x64" } } }, true, true, true, true, "runtime-deps"),
        new("glibc runtime identifier", Facts.WebApi() with { Container = new ContainerSettings { RuntimeIdentifiers = new[] { "linux-x64" } } }, false, true, false, false, "aspnet"),
    };

    public static TheoryData<string> Modes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in Rows)
            {
                data.Add(row.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ReadsTheModeFromTheProjectsProperties(string name)
    {
        var row = Find(name);
        var mode = row.Facts.Deployment;

        Assert.Equal((row.SelfContained, row.StartsAppHost, row.Compact, row.Musl), (mode.SelfContained, mode.StartsAppHost, mode.Compact, mode.Musl));
        Assert.Equal(row.Repository, Planning.BaseImageResolver.FinalRepository(row.Facts));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void GeneratedDockerfileAndTheValidatorAgreeOnTheMode(string name)
    {
        var row = Find(name);
        var result = DockerfileGenerator.Generate(row.Facts, new GenerationOptions());
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        var dockerfile = result.Dockerfile!.Content;
        var assembly = row.Facts.AssemblyName;

        Assert.Contains(row.StartsAppHost ? $"ENTRYPOINT [\"./{assembly}\"]" : $"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", dockerfile);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/{row.Repository}:", dockerfile);
        Assert.Equal(row.Musl, dockerfile.Contains("--os linux-musl", StringComparison.Ordinal));
        Assert.Empty(Lint.Of("DFG3009", dockerfile, new ValidationOptions { Facts = ValidationFacts.From(row.Facts) }));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EveryHostsPropertiesGiveTheSameMode(string name)
    {
        var facts = Find(name).Facts;
        var properties = new Dictionary<string, string>
        {
            ["AssemblyName"] = facts.AssemblyName,
            ["UseAppHost"] = facts.UseAppHost ? "" : "false",
            ["SelfContained"] = facts.SelfContained ? "true" : "",
            ["PublishSingleFile"] = facts.PublishSingleFile ? "True" : "",
            ["PublishTrimmed"] = facts.PublishTrimmed ? "true" : "false",
            ["PublishAot"] = facts.PublishAot ? "true" : "",
            ["PublishReadyToRun"] = facts.PublishReadyToRun ? "true" : "",
        };

        var options = ValidationOptions.FromProperties(key => properties.TryGetValue(key, out var value) ? value : "");

        // The validation hosts pass no runtime identifiers: which C library an image has is the image's to say.
        Assert.Equal(facts.Deployment with { Musl = false }, options.Facts!.Deployment);
    }

    [Fact]
    public void PublishSelfContainedMakesTheAppSelfContained() =>
        Assert.True(ValidationFacts.FromProperties(name => name == "PublishSelfContained" ? "true" : "")!.Deployment!.SelfContained);

    [Fact]
    public void HostThatKnowsNoUseAppHostLeavesTheModeUnknown()
    {
        var facts = ValidationFacts.FromProperties(name => name == "AssemblyName" ? "App" : null);

        Assert.NotNull(facts);
        Assert.Equal("App", facts!.AssemblyName);
        Assert.Null(facts.Deployment);
        Assert.Null(ValidationFacts.FromProperties(_ => null));
    }

    private static Row Find(string name) => Rows.Single(row => row.Name == name);

    private sealed record Row(string Name, ProjectFacts Facts, bool SelfContained, bool StartsAppHost, bool Compact, bool Musl, string Repository);
}
