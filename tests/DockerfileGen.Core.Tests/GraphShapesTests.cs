using DockerfileGen.Model;
using DockerfileGen.Planning;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// Repository shapes the build graph reader reports (folder feeds, lock files without a Linux runtime, a multi-targeted
/// app, versions computed from git) and what the generated Dockerfile does about each; every one lints clean.
/// </summary>
public sealed class GraphShapesTests
{
    private static BuildInputs Inputs(Func<BuildInputs, BuildInputs>? change = null)
    {
        var inputs = new BuildInputs
        {
            AppProject = "/repo/src/App/ConsoleApp.csproj",
            Projects = new[] { "/repo/src/App/ConsoleApp.csproj", "/repo/src/Lib/Lib.csproj" },
            BuildFiles = new[] { "/repo/Directory.Build.props", "/repo/NuGet.config" },
        };
        return change is null ? inputs : change(inputs);
    }

    private static string Generate(ProjectFacts facts, BuildInputs inputs)
    {
        var result = DockerfileGenerator.Generate(facts, new GenerationOptions(), inputs);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Code + " " + d.Message)));
        var findings = DockerfileValidator.Validate(result.Dockerfile!.Content, new ValidationOptions
        {
            AllowedRegistries = new[] { "mcr.microsoft.com" },
            Facts = ValidationFacts.From(facts) with { RestoreInputs = result.Context!.BuildFiles.Concat(result.Context.ProjectFiles).Concat(result.Context.RestoreFolders).ToList(), NeedsGlobalization = true },
            Context = new BuildContextSnapshot { IgnoreFileText = result.IgnoreFile!.Content, IgnoreFileName = result.IgnoreFile.FileName },
        }).Findings;
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => f.ToCanonicalString("Dockerfile"))));
        return result.Dockerfile.Content + "\n" + result.IgnoreFile.Content;
    }

    [Fact]
    public void AFolderFeedIsCopiedBeforeRestoreAndLetThroughTheIgnoreFile()
    {
        var text = Generate(Facts.Console(), Inputs(i => i with { RestoreSourceFolders = new[] { "/repo/.packages" } }));

        Assert.Contains("COPY [\"Directory.Build.props\", \"NuGet.config\", \"./\"]\nCOPY [\".packages/\", \".packages/\"]\nCOPY [\"src/App/ConsoleApp.csproj\"", text);
        Assert.Contains("\n!.packages\n", text);
    }

    [Fact]
    public void LockFilesWithoutALinuxRuntimeAreCheckedInLockedModeThenTheRuntimeIsRestored()
    {
        var text = Generate(Facts.Console(), Inputs(i => i with
        {
            LockFiles = new[] { "/repo/src/App/packages.lock.json" },
            LockFilesWithoutLinuxRuntime = new[] { "/repo/src/App/packages.lock.json" },
        }));

        Assert.Contains("\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore src/App/ConsoleApp.csproj --locked-mode && dotnet restore src/App/ConsoleApp.csproj -a $TARGETARCH -p:RestoreLockedMode=false\n", text);
        Assert.Contains(" -p:RestoreLockedMode=false -o /app && ", text);
        Assert.DoesNotContain("-a $TARGETARCH --locked-mode", text);
    }

    [Fact]
    public void LockFilesWithALinuxRuntimeRestoreOnceInLockedMode()
    {
        var text = Generate(Facts.Console(), Inputs(i => i with { LockFiles = new[] { "/repo/src/App/packages.lock.json" } }));

        Assert.Contains("\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore src/App/ConsoleApp.csproj -a $TARGETARCH --locked-mode\n", text);
    }

    [Fact]
    public void AMultiTargetedAppPublishesItsFrameworkFromAnSdkThatRestoresThemAll()
    {
        var text = Generate(Facts.Console("8.0") with { TargetFrameworks = "net8.0;net10.0" }, Inputs());

        Assert.Contains("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build", text);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra AS final", text);
        Assert.Contains("dotnet publish src/App/ConsoleApp.csproj -c Release -f net8.0 -a $TARGETARCH ", text);
    }

    [Theory]
    [InlineData("MinVer", "-p:MinVerSkip=true")]
    [InlineData("Nerdbank.GitVersioning", "-p:NBGV_GitEngine=Disabled")]
    [InlineData("GitVersion.MsBuild", "-p:DisableGitVersionTask=true")]
    public void AVersionFromGitComesFromBuildArgumentsAndTheToolIsSwitchedOff(string package, string switchOff)
    {
        var text = Generate(Facts.Console(), Inputs(i => i with { VersioningPackages = new[] { package } }));

        foreach (var (argument, _) in DockerfilePlanner.VersionArguments)
        {
            Assert.Contains("\nARG " + argument + "\n", text);
        }

        Assert.Contains(switchOff + " ${APP_VERSION:+\"-p:_DockerfileGenHostVersion=$APP_VERSION\"} ", text);
        Assert.Contains("${APP_INFORMATIONAL_VERSION:+\"-p:_DockerfileGenHostInformationalVersion=$APP_INFORMATIONAL_VERSION\"}", text);

        // A build argument's new value reruns every RUN after its ARG: a new version must not rerun restore.
        var restore = text.IndexOf("dotnet restore", StringComparison.Ordinal);
        Assert.All(DockerfilePlanner.VersionArguments, a => Assert.True(text.IndexOf("\nARG " + a.Argument + "\n", StringComparison.Ordinal) > restore, a.Argument));
    }

    [Fact]
    public void WithoutAVersioningPackageOnlyTheVersionIsABuildArgument()
    {
        var text = Generate(Facts.Console(), Inputs());

        Assert.Contains(" ${APP_VERSION:+-p:Version=$APP_VERSION} ", text);
        Assert.DoesNotContain("APP_INFORMATIONAL_VERSION", text);
        Assert.DoesNotContain("MinVerSkip", text);
    }

    [Fact]
    public void AnSdkPinnedNewerThanTheFrameworkPicksItsSdkImage()
    {
        var text = Generate(Facts.Console("8.0"), Inputs(i => i with { GlobalJson = "/repo/global.json", GlobalJsonSdkVersion = "10.0.100", GlobalJsonRollForward = "latestFeature" }));

        Assert.Contains("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build", text);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra AS final", text);
    }

    [Theory]
    [InlineData("8.0.400", null)]
    [InlineData("8.0.400", "latestFeature")]
    [InlineData("9.0.100", "latestMinor")]
    public void AnSdkPinNoImageCanSatisfyIsACodedError(string version, string? rollForward)
    {
        var result = DockerfileGenerator.Generate(Facts.Console("8.0") with { TargetFrameworks = "net8.0;net10.0" }, new GenerationOptions(),
            Inputs(i => i with { GlobalJson = "/repo/global.json", GlobalJsonSdkVersion = version, GlobalJsonRollForward = rollForward }));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "DFG0016" && d.Message.Contains(version, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("8.0.400", "latestMajor")]
    [InlineData("10.0.100", null)]
    public void AnSdkPinTheImageSatisfiesIsAccepted(string version, string? rollForward) =>
        Assert.Contains("sdk:10.0 AS build", Generate(Facts.Console("8.0") with { TargetFrameworks = "net8.0;net10.0" },
            Inputs(i => i with { GlobalJson = "/repo/global.json", GlobalJsonSdkVersion = version, GlobalJsonRollForward = rollForward })));
}

