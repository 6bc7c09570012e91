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

    [Theory]
    [InlineData("", "true", true)]
    [InlineData("", "", false)]
    [InlineData("true", "true", false)]
    [InlineData("false", "", true)]
    public void CodeThatUsesCulturesCountsWhenTheProjectDoesNotSay(string invariant, string codeNeeds, bool reported)
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY app/ .\nUSER $APP_UID\nENTRYPOINT [\"./App\"]\n");
        temp.Write(".dockerignore", "*\n!app/\n");

        Task(t => { t.InvariantGlobalization = invariant; t.CodeNeedsGlobalization = codeNeeds; }).Execute();

        Assert.Equal(reported, engine.Warnings.Any(w => w.Code == "DFG3008") || engine.Errors.Any(e => e.Code == "DFG3008"));
    }

    [Fact]
    public void UsesTheProjectFactsTheTaskIsGiven()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\nENTRYPOINT [\"./App\"]\n");

        Task(t => t.UseAppHost = "false").Execute();

        Assert.Contains(engine.Errors, e => e.Code == "DFG3002");
        Assert.Contains(engine.Errors, e => e.Code == "DFG3009");
    }

    [Theory]
    [InlineData("SelfContained")]
    [InlineData("PublishSelfContained")]
    [InlineData("PublishSingleFile")]
    [InlineData("PublishTrimmed")]
    [InlineData("PublishAot")]
    public void ApphostOfAnAppThatAlwaysHasOneIsNotReportedWithUseAppHostOff(string property)
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\nUSER $APP_UID\nENTRYPOINT [\"./App\"]\n");

        Task(t =>
        {
            t.UseAppHost = "false";
            typeof(ValidateDockerfile).GetProperty(property)!.SetValue(t, "true");
        }).Execute();

        Assert.DoesNotContain(engine.Errors, e => e.Code == "DFG3009");
    }

    [Fact]
    public void SeveritiesAndAllowedRegistriesComeFromProperties()
    {
        temp.Write("Dockerfile", "FROM ubuntu:24.04\nUSER app\nRUN cd /tmp\n");

        Task(t =>
        {
            t.RuleSeverity = "DFG2010=error;DFG2001=bogus;DFG9999=none;DFG4004=none";
            t.AllowedRegistries = "mcr.microsoft.com";
        }).Execute();

        Assert.Contains(engine.Errors, e => e.Code == "DFG2010");
        Assert.Contains(engine.Errors, e => e.Code == "DFG2002");
        Assert.Contains(engine.Warnings, w => w.Code == "DFG0010" && w.Message!.Contains("DFG2001=bogus", StringComparison.Ordinal));

        // An id no rule of the validator has would silently do nothing: a typo, or the compiler's DFG4xxx.
        Assert.Contains(engine.Warnings, w => w.Code == "DFG0010" && w.Message!.Contains("'DFG9999=none'", StringComparison.Ordinal));
        Assert.Contains(engine.Warnings, w => w.Code == "DFG0010" && w.Message!.Contains("'DFG4004=none'", StringComparison.Ordinal) && w.Message.Contains("NoWarn", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsTheContextForIgnoreFileAndNuGetConfigRules()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nCOPY secrets/a.json .\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n");
        temp.Write("NuGet.Config", "<configuration><packageSourceCredentials><f><add key=\"ClearTextPassword\" value=\"x\" /></f></packageSourceCredentials></configuration>");
        temp.Write(".dockerignore", "secrets\n");
        temp.Write("bin/Release/App.dll", "");

        Task().Execute();

        Assert.Contains(engine.Errors, e => e.Code == "DFG2013" && e.LineNumber == 2);
        Assert.Contains(engine.Errors, e => e.Code == "DFG2017" && e.LineNumber == 3);
        Assert.Contains(engine.Warnings, w => w.Code == "DFG2016" && w.Message!.Contains("bin/", StringComparison.Ordinal) && !w.Message.Contains(".git", StringComparison.Ordinal));
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

    private string CachePath => Path.Combine(temp.Path, "obj", "DockerfileGen.validation.cache");

    /// <summary>One build's run of the task with the cache, on its own engine: what it logged and whether it replayed.</summary>
    private (FakeBuildEngine Log, bool Replayed, bool Result) Run(Action<ValidateDockerfile>? configure = null)
    {
        var log = new FakeBuildEngine();
        var task = Task(t =>
        {
            t.BuildEngine = log;
            t.CachePath = CachePath;
            configure?.Invoke(t);
        });
        var result = task.Execute();
        return (log, task.ReplayedFromCache, result);
    }

    private static IEnumerable<string> Described(FakeBuildEngine log) =>
        log.Warnings.Select(w => $"warning {w.Code} {w.File}({w.LineNumber},{w.ColumnNumber}) {w.Message}")
            .Concat(log.Messages.Where(m => m.Code is not null).Select(m => $"message {m.Code} {m.File}({m.LineNumber},{m.ColumnNumber}) {m.Message}"));

    [Fact]
    public void UnchangedInputsReplayTheSameFindingsWithoutLintingAgain()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR app\nrun echo hi\nENTRYPOINT [\"./App\"]\n");
        temp.Write(".dockerignore", "*\n");

        var first = Run(t => t.RuleSeverity = "DFG2001=bogus");
        var second = Run(t => t.RuleSeverity = "DFG2001=bogus");

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.True(second.Result);
        Assert.Contains(first.Log.Warnings, w => w.Code == "DFG1006");
        Assert.Contains(first.Log.Warnings, w => w.Code == "DFG0010");
        Assert.Contains(first.Log.Messages, m => m.Code == "DFG2020");
        Assert.Equal(Described(first.Log), Described(second.Log));
    }

    public static TheoryData<string> Changes => new() { "Dockerfile", "ignore file", "ignore file appears", "severity", "allowed registries", "project facts", "context file a rule read" };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AChangeToAnythingTheLintReadsLintsAgain(string change)
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nUSER app\n");
        if (change != "ignore file appears")
        {
            temp.Write(".dockerignore", "**/bin\n");
        }

        Run().Log.Errors.ForEach(e => Assert.Fail(e.Message));
        Assert.True(Run().Replayed);

        Action<ValidateDockerfile>? configure = null;
        switch (change)
        {
            case "Dockerfile": temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nUSER root\n"); break;
            case "ignore file": temp.Write(".dockerignore", "**/obj\n"); break;
            case "ignore file appears": temp.Write(".dockerignore", "**/bin\n"); break;
            case "severity": configure = t => t.RuleSeverity = "DFG2016=none"; break;
            case "allowed registries": configure = t => t.AllowedRegistries = "registry.example"; break;
            case "project facts": configure = t => t.TargetFrameworkVersion = "v8.0"; break;
            // DFG2013 opened nuget.config for COPY . . and found none: one that appears is an input too.
            case "context file a rule read": temp.Write("NuGet.Config", "<configuration><packageSourceCredentials><f><add key=\"ClearTextPassword\" value=\"x\" /></f></packageSourceCredentials></configuration>"); break;
        }

        var after = Run(configure);
        Assert.False(after.Replayed, "replayed the findings after a change to the " + change);
        if (change == "context file a rule read")
        {
            Assert.Contains(after.Log.Errors, e => e.Code == "DFG2013");
        }
    }

    [Fact]
    public void ALintWithAnErrorIsNotKeptSoTheErrorIsFoundAgain()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 99999\nUSER app\n");

        Assert.False(Run().Result);
        var second = Run();

        Assert.False(second.Result);
        Assert.False(second.Replayed);
        Assert.Equal("DFG1008", Assert.Single(second.Log.Errors).Code);
        Assert.False(File.Exists(CachePath));
    }

    [Fact]
    public void AnUnreadableCacheFileLintsAgain()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR app\nUSER app\n");
        Run();
        File.WriteAllText(CachePath, File.ReadAllText(CachePath).Replace("finding\t", "finding\tx"));

        var again = Run();

        Assert.False(again.Replayed);
        Assert.Contains(again.Log.Warnings, w => w.Code == "DFG1006");
    }

    [Fact]
    public void MissingDockerfileIsNotAnError()
    {
        Assert.True(Task().Execute());
        Assert.Empty(engine.Warnings);
    }
}
