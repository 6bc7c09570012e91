using DockerfileGen.Model;
using DockerfileGen.Rendering;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests;

public sealed class BakeFileRendererTests
{
    private static BakeTarget Target(string project, string context = "/repo/src", string? dockerfile = null) => new()
    {
        ProjectPath = project,
        ContextDirectory = context,
        DockerfilePath = dockerfile ?? Path.GetDirectoryName(project)!.Replace('\\', '/') + "/Dockerfile",
    };

    [Fact]
    public void ASolutionOfThreeServicesRendersOneTargetEachAndADefaultGroup()
    {
        var api = Target("/repo/src/Api/Api.csproj") with
        {
            Tags = new[] { "registry.example.com/shop/api:1.2.0", "registry.example.com/shop/api:latest" },
            Platforms = new[] { "linux/amd64", "linux/arm64" },
            Arguments = new[] { new BuildArgument("APP_VERSION", "1.2.0"), new BuildArgument("FEED", "https://example.com/v3/index.json") },
            Secrets = new[] { new BakeSecret("nuget_config", "/repo/NuGet.config") },
            CacheFrom = new[] { "type=registry,ref=registry.example.com/shop/api:cache" },
            CacheTo = new[] { "type=registry,ref=registry.example.com/shop/api:cache,mode=max" },
        };
        var worker = Target("/repo/src/Worker/Worker.csproj", "/repo/src/Worker") with { Tags = new[] { "worker:1.2.0" } };
        var admin = Target("/repo/src/Admin/Admin.csproj") with { Tags = new[] { "admin:1.2.0" } };

        var text = BakeFileRenderer.Render(new[] { worker, api, admin }, "/repo", "Shop.sln");

        Assert.StartsWith(GeneratedFileMarker.Prefix + " from Shop.sln; content hash ", text);
        Assert.True(GeneratedFileMarker.IsUnedited(text));
        Assert.Contains("  targets = [\"admin\", \"api\", \"worker\"]\n", text);
        Assert.Contains("  context = \"src/Worker\"\n  dockerfile = \"Dockerfile\"\n", text);
        Assert.Contains("  secret = [\"id=nuget_config,src=NuGet.config\"]\n", text);
        Snapshot.Match(text, "hcl");
    }

    [Fact]
    public void TheOrderOfTheTargetsDoesNotDependOnWhichProjectWasBuiltLast()
    {
        var targets = new[] { Target("/repo/src/B/B.csproj"), Target("/repo/src/A/A.csproj"), Target("/repo/src/C/C.csproj") };

        Assert.Equal(
            BakeFileRenderer.Render(targets, "/repo", "Shop.sln"),
            BakeFileRenderer.Render(targets.Reverse(), "/repo", "Shop.sln"));
    }

    [Fact]
    public void ASolutionWithoutServicesHasAnEmptyDefaultGroup()
    {
        var text = BakeFileRenderer.Render(Array.Empty<BakeTarget>(), "/repo", "Shop.sln");

        Assert.Contains("group \"default\" {\n  targets = []\n}\n", text);
        Assert.DoesNotContain("target \"", text);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\feeds\local", "\"C:\\\\feeds\\\\local\"")]
    [InlineData("${HOME}/x", "\"$${HOME}/x\"")]
    [InlineData("%{ if true }x%{ endif }", "\"%%{ if true }x%%{ endif }\"")]
    [InlineData("$ and % alone, {braces}", "\"$ and % alone, {braces}\"")]
    [InlineData("two\nlines\ttab", "\"two\\nlines\\ttab\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void StringsAreQuotedAsHclReadsThemLiterally(string value, string expected) =>
        Assert.Equal(expected, BakeFileRenderer.Quote(value));

    [Fact]
    public void ValuesThatLookLikeTemplatesAreEscapedInTheFile()
    {
        var target = Target("/repo/src/Api/Api.csproj") with { Arguments = new[] { new BuildArgument("GREETING", "${USER} \"quoted\" %{x}") } };

        var text = BakeFileRenderer.Render(new[] { target }, "/repo", "Shop.sln");

        Assert.Contains("    \"GREETING\" = \"$${USER} \\\"quoted\\\" %%{x}\"\n", text);
    }

    [Theory]
    [InlineData("/repo", "/repo/src", "src")]
    [InlineData("/repo", "/repo", ".")]
    [InlineData("/repo/src", "/repo/src/Api/Dockerfile", "Api/Dockerfile")]
    [InlineData("/repo/deploy", "/repo/src", "../src")]
    [InlineData("/repo/", "/repo/src/", "src")]
    [InlineData(@"C:\repo", @"C:\repo\src\Api", "src/Api")]
    [InlineData(@"C:\repo", @"c:\Repo\src", "src")]
    [InlineData(@"C:\repo", @"D:\other", "D:/other")]
    public void PathsAreRelativeToTheBakeFilesFolderWithForwardSlashes(string directory, string path, string expected) =>
        Assert.Equal(expected, BakeFileRenderer.RelativePath(directory, path));

    [Fact]
    public void TargetNamesAreTheProjectNamesAsBakeTakesThemAndNeverCollide()
    {
        var names = BakeFileRenderer.Name(new[]
        {
            Target("/repo/src/Shop.Api/Shop.Api.csproj"),
            Target("/repo/a/Api/Api.csproj"),
            Target("/repo/b/Api/Api.csproj"),
            Target("/repo/src/Default/Default.csproj"),
            Target("/repo/src/Ünïcode/Ünïcode.fsproj"),
        }).Select(n => (n.Name, n.Target.ProjectPath)).ToList();

        Assert.Equal(
            new[]
            {
                ("-n-code", "/repo/src/Ünïcode/Ünïcode.fsproj"),
                ("api", "/repo/a/Api/Api.csproj"),
                ("api-2", "/repo/b/Api/Api.csproj"),
                ("default-2", "/repo/src/Default/Default.csproj"),
                ("shop-api", "/repo/src/Shop.Api/Shop.Api.csproj"),
            },
            names);
    }

    [Fact]
    public void ATargetSurvivesItsStateFile()
    {
        var target = Target("/repo/src/Api/Api.csproj") with
        {
            Tags = new[] { "api:1", "api:latest" },
            Platforms = new[] { "linux/arm64" },
            Arguments = new[] { new BuildArgument("A", "1"), new BuildArgument("B", "two\tlines\n") },
            Secrets = new[] { new BakeSecret("s", "/repo/s.txt") },
            CacheFrom = new[] { "type=gha" },
            CacheTo = new[] { "type=gha,mode=max" },
        };

        var read = BakeTarget.FromState(StateFile.Parse(target.ToState().Format(), BakeTarget.StateKind));

        Assert.NotNull(read);
        Assert.Equal(target.ProjectPath, read!.ProjectPath);
        Assert.Equal(target.Tags, read.Tags);
        Assert.Equal(target.Platforms, read.Platforms);
        Assert.Equal(target.Arguments, read.Arguments);
        Assert.Equal(target.Secrets, read.Secrets);
        Assert.Equal(target.CacheFrom, read.CacheFrom);
        Assert.Equal(target.CacheTo, read.CacheTo);
        Assert.Null(BakeTarget.FromState(StateFile.Parse(new StateFile(BakeTarget.StateKind).Add("project", "/repo/A.csproj").Format(), BakeTarget.StateKind)));
    }
}
