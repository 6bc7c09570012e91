using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

public sealed class ProjectGraphCacheTests : IDisposable
{
    private readonly TempDirectory temp = new("dfg-cache");

    public void Dispose() => temp.Dispose();

    private ProjectRecord Record(string project, string import)
    {
        var record = new ProjectRecord { Path = project, ProjectName = "App", LockFileSetting = "", RestoreConfigFile = "" };
        record.Imports.Add(import);
        record.References.Add("/elsewhere/B.csproj");
        record.Linked.Add("/elsewhere/shared/x.cs");
        record.Watched.Add((project, ProjectGraphCache.Stamp(project)));
        record.Watched.Add((import, ProjectGraphCache.Stamp(import)));
        return record;
    }

    [Fact]
    public void UnchangedRecordsComeBackAsWritten()
    {
        var project = temp.Write("App/App.csproj", "<Project />");
        var import = temp.Write("Directory.Build.props", "<Project />");
        var cache = Path.Combine(temp.Path, "graph.cache");
        File.WriteAllText(cache, ProjectGraphCache.Format("k", new[] { Record(project, import) }));

        var read = Assert.Single(ProjectGraphCache.Read(cache, "k")).Value;

        Assert.Equal(new[] { import }, read.Imports);
        Assert.Equal(new[] { "/elsewhere/B.csproj" }, read.References);
        Assert.Equal(new[] { "/elsewhere/shared/x.cs" }, read.Linked);
    }

    [Fact]
    public void AChangedWatchedFileOrAnotherKeyDropsTheRecord()
    {
        var project = temp.Write("App/App.csproj", "<Project />");
        var import = temp.Write("Directory.Build.props", "<Project />");
        var cache = Path.Combine(temp.Path, "graph.cache");
        File.WriteAllText(cache, ProjectGraphCache.Format("k", new[] { Record(project, import) }));

        Assert.Empty(ProjectGraphCache.Read(cache, "other key"));

        File.WriteAllText(import, "<Project><!-- changed --></Project>");
        Assert.Empty(ProjectGraphCache.Read(cache, "k"));
    }

    [Fact]
    public void KeyIgnoresDockerfileGenPropertiesButNotOthers()
    {
        var baseKey = ProjectGraphCache.Key(new Dictionary<string, string> { ["Configuration"] = "Debug" }, "net10.0");

        Assert.Equal(baseKey, ProjectGraphCache.Key(new Dictionary<string, string> { ["Configuration"] = "Debug", ["DockerfileGenConfiguration"] = "X" }, "net10.0"));
        Assert.NotEqual(baseKey, ProjectGraphCache.Key(new Dictionary<string, string> { ["Configuration"] = "Release" }, "net10.0"));
        Assert.NotEqual(baseKey, ProjectGraphCache.Key(new Dictionary<string, string> { ["Configuration"] = "Debug" }, "net8.0"));
    }
}
