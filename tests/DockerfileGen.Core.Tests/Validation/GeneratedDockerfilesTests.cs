using DockerfileGen.Model;
using DockerfileGen.Testing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation;

/// <summary>
/// The validator's first job: every Dockerfile DockerfileGen writes must pass it with zero findings, with every
/// fact and the generated ignore file given. A finding here is a bug in the generator (or in a rule).
/// </summary>
public sealed class GeneratedDockerfilesTests
{
    public static TheoryData<string, ProjectFacts, GenerationOptions> Generated()
    {
        var data = new TheoryData<string, ProjectFacts, GenerationOptions>();
        foreach (var version in new[] { "8.0", "9.0", "10.0", "11.0" })
        {
            foreach (var useAppHost in new[] { true, false })
            {
                data.Add($"WebApi {version} apphost={useAppHost}", Facts.WebApi(version) with { UseAppHost = useAppHost }, new GenerationOptions());
                data.Add($"Console {version} apphost={useAppHost}", Facts.Console(version) with { UseAppHost = useAppHost }, new GenerationOptions());
            }
        }

        data.Add("Staging, Dockerfile.web", Facts.WebApi(), new GenerationOptions { Configuration = "Staging", DockerfileName = "Dockerfile.web" });
        data.Add("names the shell would split", Facts.Console() with { ProjectFile = "My App's.csproj", AssemblyName = "My App" }, new GenerationOptions());
        data.Add("self-contained on an OS image", Facts.WebApi() with { SelfContained = true, Container = new ContainerSettings { BaseImage = "debian:12-slim" } }, new GenerationOptions());
        data.Add("golden image of unknown make", Facts.WebApi() with { Container = new ContainerSettings { BaseImage = "registry.example.com/golden/aspnet:10.0" } }, new GenerationOptions());
        data.Add("ASPNETCORE_URLS", Facts.WebApi() with { Container = new ContainerSettings { EnvironmentVariables = new[] { new NamedValue("ASPNETCORE_URLS", "http://+:7070") } } }, new GenerationOptions());
        data.Add("ASPNETCORE_HTTPS_PORTS", Facts.WebApi() with { Container = new ContainerSettings { EnvironmentVariables = new[] { new NamedValue("ASPNETCORE_HTTPS_PORTS", "8443") } } }, new GenerationOptions());
        data.Add("ports the code binds", Facts.WebApi() with { Source = new SourceFacts { Ports = new[] { 5005 } } }, new GenerationOptions());
        data.Add("test stage", Facts.WebApi(), new GenerationOptions { TestProjects = new[] { "Tests/WebApi.Tests.csproj" } });
        data.Add("dotted name", Facts.WebApi() with { ProjectFile = "Contoso.Orders.Api.csproj", AssemblyName = "Contoso.Orders.Api" }, new GenerationOptions());
        return data;
    }

    [Theory]
    [MemberData(nameof(Generated))]
    public void GeneratedDockerfileHasNoFindings(string name, ProjectFacts facts, GenerationOptions options)
    {
        var result = DockerfileGenerator.Generate(facts, options);
        Assert.True(result.Succeeded, name);

        var validation = DockerfileValidator.Validate(result.Dockerfile!.Content, OptionsFor(facts, result.IgnoreFile!));

        Assert.True(validation.Findings.Count == 0, name + ":\n" + string.Join("\n", validation.Findings.Select(f => f.ToCanonicalString(result.Dockerfile.FileName))));
    }

    public static TheoryData<string> SnapshotDockerfiles() => SnapshotDockerfilesTests.SnapshotDockerfiles();

    [Theory]
    [MemberData(nameof(SnapshotDockerfiles))]
    public void SnapshotDockerfileHasNoFindings(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var ignorePath = path.Replace(".verified.Dockerfile", ".verified.dockerignore", StringComparison.Ordinal);
        var options = new ValidationOptions
        {
            // The golden-image snapshots pull from the example company registry, as a user would allow it.
            AllowedRegistries = new[] { "mcr.microsoft.com", "registry.example.com" },
            Context = File.Exists(ignorePath) ? new BuildContextSnapshot { IgnoreFileText = File.ReadAllText(ignorePath) } : null,
        };

        var findings = DockerfileValidator.Validate(File.ReadAllText(path), options).Findings;

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => f.ToCanonicalString(relativePath))));
    }

    private static ValidationOptions OptionsFor(ProjectFacts facts, GeneratedFile ignoreFile) => new()
    {
        // The registries of the images the cases name, as a user who names them would allow them.
        AllowedRegistries = new[] { "mcr.microsoft.com", "registry.example.com", "docker.io" },
        Facts = ValidationFacts.From(facts) with { RestoreInputs = new[] { facts.ProjectFile }, NeedsGlobalization = true },
        Context = new BuildContextSnapshot { IgnoreFileText = ignoreFile.Content, IgnoreFileName = ignoreFile.FileName },
        // Every rule at its strictest, informational ones included.
        Severities = DockerfileValidator.Rules.ToDictionary(rule => rule.Id, _ => (DockerfileGen.Diagnostics.DiagnosticSeverity?)DockerfileGen.Diagnostics.DiagnosticSeverity.Error),
    };
}
