using DockerfileGen.Diagnostics;
using DockerfileGen.Model;
using DockerfileGen.Planning;

namespace DockerfileGen.Core.Tests;

public sealed class BuildContextPlannerTests
{
    internal static BuildInputs Repository(Func<BuildInputs, BuildInputs>? change = null)
    {
        var inputs = new BuildInputs
        {
            AppProject = "/repo/src/Api/Api.csproj",
            Projects = new[] { "/repo/src/Api/Api.csproj", "/repo/src/Application/Application.csproj", "/repo/src/Domain/Domain.csproj" },
            BuildFiles = new[] { "/repo/Directory.Build.props", "/repo/build/Common.props", "/repo/Directory.Packages.props", "/repo/NuGet.config" },
            LockFiles = new[] { "/repo/src/Domain/packages.lock.json", "/repo/src/Api/packages.lock.json" },
            LinkedFiles = new[] { "/repo/shared/Info.cs", "/repo/src/Domain/Inside.cs" },
            GlobalJson = "/repo/global.json",
        };
        return change is null ? inputs : change(inputs);
    }

    private static BuildContext Plan(BuildInputs inputs, List<Diagnostic>? diagnostics = null) =>
        BuildContextPlanner.Plan(inputs, diagnostics ?? new List<Diagnostic>())!;

    [Fact]
    public void RootIsTheSmallestFolderHoldingEveryInput()
    {
        var context = Plan(Repository());

        Assert.Equal("/repo", context.Root);
        Assert.Equal("src/Api/Api.csproj", context.AppProject);
        Assert.Equal("src/Api", context.AppDirectory);
        Assert.False(context.IsProjectFolder);
    }

    [Fact]
    public void RestoreLayerHoldsBuildFilesThenProjectAndLockFilesInAStableOrder()
    {
        var context = Plan(Repository());

        Assert.Equal(new[] { "Directory.Build.props", "Directory.Packages.props", "NuGet.config", "global.json", "build/Common.props" }, context.BuildFiles);
        Assert.Equal(
            new[] { "src/Api/Api.csproj", "src/Api/packages.lock.json", "src/Application/Application.csproj", "src/Domain/Domain.csproj", "src/Domain/packages.lock.json" },
            context.ProjectFiles);
        Assert.True(context.LockedMode);
    }

    [Fact]
    public void SourceLayerHoldsProjectFoldersAndLinkedFilesOutsideThem()
    {
        var context = Plan(Repository());

        Assert.Equal(new[] { "src/Api", "src/Application", "src/Domain" }, context.ProjectDirectories);
        Assert.Equal(new[] { "shared/Info.cs" }, context.LinkedFiles);
    }

    [Fact]
    public void NestedProjectFolderIsCopiedWithItsParent()
    {
        var context = Plan(Repository(i => i with { Projects = i.Projects.Concat(new[] { "/repo/src/Api/Plugins/Plugin.csproj" }).ToList() }));

        Assert.Equal(new[] { "src/Api", "src/Application", "src/Domain" }, context.ProjectDirectories);
        Assert.Contains("src/Api/Plugins/Plugin.csproj", context.ProjectFiles);
    }

    [Fact]
    public void AProjectAloneInItsFolderIsItsOwnContext()
    {
        var diagnostics = new List<Diagnostic>();
        var context = Plan(new BuildInputs { AppProject = "/repo/app/App.csproj", Projects = new[] { "/repo/app/App.csproj" }, GlobalJson = "/repo/app/global.json" }, diagnostics);

        Assert.True(context.IsProjectFolder);
        Assert.Equal("App.csproj", context.AppProject);
        Assert.Equal(new[] { "global.json" }, context.BuildFiles);
        Assert.False(context.LockedMode);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void GlobalJsonAboveTheProjectsWidensTheContext()
    {
        var context = Plan(new BuildInputs { AppProject = "/repo/app/App.csproj", Projects = new[] { "/repo/app/App.csproj" }, GlobalJson = "/repo/global.json" });

        Assert.Equal("/repo", context.Root);
        Assert.Equal(new[] { "global.json" }, context.BuildFiles);
        Assert.Equal(new[] { "app" }, context.ProjectDirectories);
    }

    [Fact]
    public void ChosenRootMayBeWider()
    {
        var context = Plan(Repository(i => i with { ContextRootOverride = "/" }));

        Assert.Equal("/", context.Root);
        Assert.Equal("repo/src/Api/Api.csproj", context.AppProject);
    }

    [Fact]
    public void AFileOutsideTheChosenRootIsACodedError()
    {
        var diagnostics = new List<Diagnostic>();

        var context = BuildContextPlanner.Plan(Repository(i => i with { ContextRootOverride = "/repo/src" }), diagnostics);

        Assert.Null(context);
        var error = Assert.Single(diagnostics);
        Assert.Equal("DFG0011", error.Code);
        Assert.Contains("/repo/Directory.Build.props", error.Message);
    }

    [Fact]
    public void CredentialedNuGetConfigIsASecretAndNeverCopied()
    {
        var context = Plan(Repository(i => i with { CredentialedNuGetConfigs = new[] { "/repo/NuGet.config" } }));

        Assert.DoesNotContain("NuGet.config", context.BuildFiles);
        Assert.Equal(new[] { new RestoreSecret("nuget_config", "NuGet.config") }, context.Secrets);
    }

    [Fact]
    public void LockFileWithoutALinuxRuntimeIsWarnedAbout()
    {
        var diagnostics = new List<Diagnostic>();

        Plan(Repository(i => i with { LockFilesWithoutLinuxRuntime = new[] { "/repo/src/Api/packages.lock.json" } }), diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("DFG0013", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("RuntimeIdentifiers", warning.Message);
    }

    [Fact]
    public void AProjectRestoreReadsOnlyForAnotherFrameworkGivesItsProjectFileNotItsFolder()
    {
        var context = Plan(Repository(i => i with { RestoreOnlyProjects = new[] { "/repo/src/Legacy/Legacy.csproj" } }));

        Assert.Contains("src/Legacy/Legacy.csproj", context.ProjectFiles);
        Assert.DoesNotContain("src/Legacy", context.ProjectDirectories);
    }

    [Fact]
    public void FolderFeedsInsideTheContextAreCopiedBeforeRestore()
    {
        var context = Plan(Repository(i => i with { RestoreSourceFolders = new[] { "/repo/.packages", "/repo/.packages/nested", "/repo/src/Api/feed" } }));

        Assert.Equal(new[] { ".packages", "src/Api/feed" }, context.RestoreFolders);
    }

    [Fact]
    public void AFolderFeedOutsideTheContextIsACodedErrorThatNamesIt()
    {
        var diagnostics = new List<Diagnostic>();

        var context = BuildContextPlanner.Plan(Repository(i => i with { RestoreSourceFolders = new[] { "/opt/feeds/local" } }), diagnostics);

        Assert.Null(context);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("DFG0014", error.Code);
        Assert.Contains("/opt/feeds/local", error.Message);
    }

    [Fact]
    public void ARelativeSymbolicLinkOutOfAProjectFolderBringsItsTargetFolder()
    {
        var context = Plan(Repository(i => i with { SymbolicLinks = new[] { new LinkedPath("/repo/src/Api/Shared", "../../common/Shared", "/repo/common/Shared", true) } }));

        Assert.Equal(new[] { "common/Shared" }, context.LinkedDirectories);
    }

    [Theory]
    [InlineData("/home/me/common/Shared", "/home/me/common/Shared")]
    [InlineData("../../common/Shared", "/repo/elsewhere/Shared")]
    public void ASymbolicLinkThatWouldDangleInTheImageIsACodedError(string target, string realPath)
    {
        var diagnostics = new List<Diagnostic>();

        var context = BuildContextPlanner.Plan(Repository(i => i with { SymbolicLinks = new[] { new LinkedPath("/repo/src/Api/Shared", target, realPath, true) } }), diagnostics);

        Assert.Null(context);
        Assert.Equal("DFG0015", Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code);
    }

    [Theory]
    [InlineData("/a/b/c", "/a/b", true)]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/bc", "/a/b", false)]
    [InlineData("/a", "/", true)]
    public void IsUnderComparesWholeSegments(string path, string directory, bool expected) =>
        Assert.Equal(expected, ContextPaths.IsUnder(path, directory));

    [Fact]
    public void CommonDirectoryOfSiblings() =>
        Assert.Equal("/r/src", ContextPaths.CommonDirectory(new[] { "/r/src/a", "/r/src/b/c", "/r/src" }));
}
