using DockerfileGen.Model;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

public sealed class ValidateDockerfileTests : IDisposable
{
    private readonly TempDirectory temp = new("dfg-validate");
    private readonly FakeBuildEngine engine = new();

    private string DockerfilePath => Path.Combine(temp.Path, "Dockerfile");

    public void Dispose() => temp.Dispose();

    private ValidateDockerfile Task(Action<ValidateDockerfile>? configure = null)
    {
        var task = new ValidateDockerfile
        {
            BuildEngine = engine,
            DockerfilePath = DockerfilePath,
            ProjectFullPath = Path.Combine(temp.Path, "App.csproj"),
            AssemblyName = "App",
            TargetFrameworkIdentifier = ".NETCoreApp",
            TargetFrameworkVersion = "v10.0",
        };
        configure?.Invoke(task);
        return task;
    }

    [Fact]
    public void LogsFindingsWithFileLineAndColumn()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR app\nENTRYPOINT [\"./App\"]\n");
        temp.Write(".dockerignore", "*\n");

        Assert.True(Task().Execute());

        var workdir = Assert.Single(engine.Warnings, w => w.Code == "DFG1006");
        Assert.Equal(DockerfilePath, workdir.File);
        Assert.Equal((2, 9), (workdir.LineNumber, workdir.ColumnNumber));
        var root = Assert.Single(engine.Warnings, w => w.Code == "DFG2003");
        Assert.Equal((1, 1), (root.LineNumber, root.ColumnNumber));
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void ErrorFindingsFailTheTask()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 99999\nUSER app\n");

        Assert.False(Task().Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG1008", error.Code);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void UsesTheProjectFactsTheTaskIsGiven()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\nENTRYPOINT [\"./App\"]\n");

        Task(t => t.UseAppHost = "false").Execute();

        Assert.Contains(engine.Errors, e => e.Code == "DFG3002");
        Assert.Contains(engine.Errors, e => e.Code == "DFG3009");
    }

    [Fact]
    public void SeveritiesAndAllowedRegistriesComeFromProperties()
    {
        temp.Write("Dockerfile", "FROM ubuntu:24.04\nUSER app\nRUN cd /tmp\n");

        Task(t =>
        {
            t.RuleSeverity = "DFG2010=error;DFG2001=bogus";
            t.AllowedRegistries = "mcr.microsoft.com";
        }).Execute();

        Assert.Contains(engine.Errors, e => e.Code == "DFG2010");
        Assert.Contains(engine.Errors, e => e.Code == "DFG2002");
        Assert.Contains(engine.Warnings, w => w.Code == "DFG0010" && w.Message!.Contains("DFG2001=bogus", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsTheContextForIgnoreFileAndNuGetConfigRules()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nCOPY secrets/a.json .\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n");
        temp.Write("NuGet.Config", "<configuration><packageSourceCredentials><f><add key=\"ClearTextPassword\" value=\"x\" /></f></packageSourceCredentials></configuration>");
        temp.Write(".dockerignore", "secrets\n");

        Task().Execute();

        Assert.Contains(engine.Errors, e => e.Code == "DFG2013" && e.LineNumber == 2);
        Assert.Contains(engine.Errors, e => e.Code == "DFG2017" && e.LineNumber == 3);
        Assert.Contains(engine.Warnings, w => w.Code == "DFG2016");
    }

    [Fact]
    public void GeneratedDockerfileAndIgnoreFileHaveNoFindings()
    {
        var result = DockerfileGenerator.Generate(
            new ProjectFacts { ProjectFile = "App.csproj", AssemblyName = "App", TargetFramework = "net10.0", TargetFrameworkIdentifier = ".NETCoreApp", TargetFrameworkVersion = "v10.0", FrameworkReferences = new[] { "Microsoft.AspNetCore.App" } },
            new GenerationOptions());
        temp.Write("Dockerfile", result.Dockerfile!.Content);
        temp.Write(".dockerignore", result.IgnoreFile!.Content);

        Assert.True(Task(t => t.AllowedRegistries = "mcr.microsoft.com").Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.DoesNotContain(engine.Messages, m => m.Code is not null && m.Code.StartsWith("DFG", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingDockerfileIsNotAnError()
    {
        Assert.True(Task().Execute());
        Assert.Empty(engine.Warnings);
    }
}
