using DockerfileGen.Testing;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks.Tests;

public sealed class ProbeBuildFilesTests : IDisposable
{
    private readonly TempDirectory temp = new("dfg-probe-files");
    private readonly FakeBuildEngine engine = new();

    public void Dispose() => temp.Dispose();

    private string[] Probe(params string[] trackedFiles)
    {
        var task = new ProbeBuildFiles
        {
            BuildEngine = engine,
            ProjectDirectory = Path.Combine(temp.Path, "App"),
            TrackedFiles = trackedFiles.Select(file => new TaskItem(file)).ToArray(),
        };
        Assert.True(task.Execute());
        return task.Found.Select(item => Path.GetRelativePath(temp.Path, item.ItemSpec).Replace('\\', '/')).ToArray();
    }

    [Fact]
    public void FindsTheFilesAboveTheProjectAndAboveEveryProjectTheLastGenerationRead()
    {
        temp.Write("App/App.csproj", "<Project />");
        temp.Write("App/NuGet.config", "<configuration />");
        temp.Write("Directory.Build.props", "<Project />");
        temp.Write("global.json", "{}");
        var library = temp.Write("libs/C/C.csproj", "<Project />");
        temp.Write("libs/C/Directory.Build.props", "<Project />");
        temp.Write("libs/Directory.Packages.props", "<Project />");
        var source = temp.Write("libs/C/Class.cs", "class C { }");

        var found = Probe(Path.Combine(temp.Path, "App", "App.csproj"), library, source);

        // The project's own folders first; each folder once, however many projects lie below it.
        Assert.Equal(
            new[] { "App/NuGet.config", "Directory.Build.props", "global.json", "libs/C/Directory.Build.props", "libs/Directory.Packages.props" },
            found.Where(path => !path.StartsWith("..", StringComparison.Ordinal)));
        Assert.Equal(found.Length, found.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void WithoutTrackedFilesOnlyTheProjectsOwnFoldersAreProbed()
    {
        temp.Write("App/App.csproj", "<Project />");
        temp.Write("libs/C/Directory.Build.props", "<Project />");

        Assert.DoesNotContain("libs/C/Directory.Build.props", Probe());
    }
}
