using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

public sealed class ProjectGraphCacheTests : IDisposable
{
    private readonly TempDirectory temp = new("dfg-cache");

    public void Dispose() => temp.Dispose();

    private ProjectRecord Record(string project, string import)
    {
        var record = new ProjectRecord { Path = project, Globals = "configuration=Release" };
        record.Properties["MSBuildProjectName"] = "App";
        record.Imports.Add(import);
        var reference = new ReferenceRecord { Path = "/elsewhere/B.csproj" };
        reference.Metadata["SetTargetFramework"] = "TargetFramework=net8.0";
        record.References.Add(reference);
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
        File.WriteAllText(cache, ProjectGraphCache.Format("k", new[] { Record(project, import) }).Format());

        var read = Assert.Single(ProjectGraphCache.Read(cache, "k")).Value;

        Assert.Equal(new[] { import }, read.Imports);
        Assert.Equal("App", read.Property("MSBuildProjectName"));
        Assert.Equal("configuration=Release", read.Globals);
        var reference = Assert.Single(read.References);
        Assert.Equal("/elsewhere/B.csproj", reference.Path);
        Assert.Equal("TargetFramework=net8.0", reference["SetTargetFramework"]);
        Assert.Equal(new[] { "/elsewhere/shared/x.cs" }, read.Linked);
    }

    [Fact]
    public void AChangedWatchedFileOrAnotherKeyDropsTheRecord()
    {
        var project = temp.Write("App/App.csproj", "<Project />");
        var import = temp.Write("Directory.Build.props", "<Project />");
        var cache = Path.Combine(temp.Path, "graph.cache");
        File.WriteAllText(cache, ProjectGraphCache.Format("k", new[] { Record(project, import) }).Format());

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

    [Fact]
    public void ACacheAnOlderDockerfileGenWroteReadsAsNoCache()
    {
        var project = temp.Write("App/App.csproj", "<Project />");
        var cache = Path.Combine(temp.Path, "graph.cache");
        File.WriteAllText(cache, $"key\tk\nP\t{project}\tconfiguration=Release\nW\t{project}\t{ProjectGraphCache.Stamp(project)}\n");

        Assert.Empty(ProjectGraphCache.Read(cache, "k"));
    }
}
