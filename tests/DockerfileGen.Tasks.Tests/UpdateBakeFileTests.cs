using DockerfileGen.Rendering;
using DockerfileGen.Testing;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks.Tests;

public sealed class UpdateBakeFileTests : IDisposable
{
    private static readonly string[] Services = { "Api", "Admin", "Worker" };

    private readonly TempDirectory temp = new("dfg-bake");

    public UpdateBakeFileTests()
    {
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        foreach (var project in Services.Append("Shared"))
        {
            temp.Write($"src/{project}/{project}.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        }

        temp.Write("Shop.sln", string.Concat(Services.Append("Shared").Select(p =>
            $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{p}\", \"src\\{p}\\{p}.csproj\", \"{{{Guid.NewGuid()}}}\"\nEndProject\n")));
    }

    private string BakeFile => Path.Combine(temp.Path, "docker-bake.hcl");

    public void Dispose() => temp.Dispose();

    private UpdateBakeFile Task(string project, FakeBuildEngine engine, bool containerized = true, string solution = "") => new()
    {
        BuildEngine = engine,
        ProjectFullPath = Path.Combine(temp.Path, "src", project, project + ".csproj"),
        Containerized = containerized,
        TargetStatePath = Path.Combine(temp.Path, "src", project, "obj", "DockerfileGen.bake"),
        SolutionPath = solution,
        DockerfilePath = Path.Combine(temp.Path, "src", project, "Dockerfile"),
        ContextDirectory = Path.Combine(temp.Path, "src"),
        AssemblyName = project,
        Version = "1.0.0",
        BuildArgs = new[] { new TaskItem("APP_VERSION", new Dictionary<string, string> { ["Value"] = "1.0.0" }) },
        Secrets = new[] { new TaskItem("nuget_config", new Dictionary<string, string> { ["Source"] = Path.Combine(temp.Path, "NuGet.config") }) },
    };

    private string[] TargetNames() =>
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(BakeFile), "^target \"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToArray();

    [Fact]
    public void EachServiceAddsItsTargetBesideTheSolutionAndLibrariesAddNone()
    {
        foreach (var service in Services)
        {
            Assert.True(Task(service, new FakeBuildEngine()).Execute());
        }

        Assert.True(Task("Shared", new FakeBuildEngine(), containerized: false).Execute());

        Assert.Equal(new[] { "admin", "api", "worker" }, TargetNames());
        var text = File.ReadAllText(BakeFile);
        Assert.StartsWith(GeneratedFileMarker.Prefix + " from Shop.sln; ", text);
        Assert.Contains("  context = \"src\"\n  dockerfile = \"Api/Dockerfile\"\n  tags = [\"api:1.0.0\"]\n", text);
        Assert.Contains("  secret = [\"id=nuget_config,src=NuGet.config\"]\n", text);
        Assert.False(File.Exists(Path.Combine(temp.Path, "src", "Shared", "obj", "DockerfileGen.bake")));
    }

    [Fact]
    public void ParallelBuildsOfTheServicesNeverLoseATargetOrLeaveATornFile()
    {
        // Many services that all start at once, thirty times (a lost update shows within a few rounds when the lock is missing): each round, every one writes its target and updates the file together, so
        // an update that read the targets before another's was written and wrote after it would lose that target.
        var services = Enumerable.Range(1, 24).Select(i => $"Service{i:00}").ToArray();
        foreach (var service in services)
        {
            temp.Write($"src/{service}/{service}.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
        }

        temp.Write("Shop.sln", string.Concat(services.Select(p =>
            $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{p}\", \"src\\{p}\\{p}.csproj\", \"{{{Guid.NewGuid()}}}\"\nEndProject\n")));
        var torn = 0;
        var done = false;
        var reader = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                var text = File.Exists(BakeFile) ? TryRead(BakeFile) : null;
                if (text is not null && !GeneratedFileMarker.IsUnedited(text))
                {
                    Interlocked.Increment(ref torn);
                }
            }
        });
        reader.Start();

        for (var round = 0; round < 30; round++)
        {
            foreach (var file in services.Select(s => Path.Combine(temp.Path, "src", s, "obj", "DockerfileGen.bake")).Append(BakeFile).Where(File.Exists))
            {
                File.Delete(file);
            }

            var engines = services.Select(_ => new FakeBuildEngine()).ToArray();
            using var start = new Barrier(services.Length);
            var results = new bool[services.Length];
            var threads = services.Select((service, i) => new Thread(() =>
            {
                var task = Task(service, engines[i]);
                start.SignalAndWait();
                results[i] = task.Execute();
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(results, Assert.True);
            Assert.All(engines, e => Assert.Empty(e.Warnings.Concat<object>(e.Errors)));
            Assert.Equal(services.Select(s => s.ToLowerInvariant()), TargetNames());
        }

        Volatile.Write(ref done, true);
        reader.Join();
        Assert.Equal(0, torn);
    }

    [Fact]
    public void AServiceThatNoLongerBuildsAnImageTakesItsTargetOut()
    {
        foreach (var service in Services)
        {
            Task(service, new FakeBuildEngine()).Execute();
        }

        Assert.True(Task("Admin", new FakeBuildEngine(), containerized: false).Execute());

        Assert.Equal(new[] { "api", "worker" }, TargetNames());
    }

    [Fact]
    public void AProjectRemovedFromTheSolutionLosesItsTargetAtTheNextUpdate()
    {
        foreach (var service in Services)
        {
            Task(service, new FakeBuildEngine()).Execute();
        }

        var solution = File.ReadAllText(Path.Combine(temp.Path, "Shop.sln"));
        temp.Write("Shop.sln", string.Join("\n", solution.Split('\n').Where(l => !l.Contains("Worker", StringComparison.Ordinal))));
        Task("Api", new FakeBuildEngine()).Execute();

        Assert.Equal(new[] { "admin", "api" }, TargetNames());
    }

    [Fact]
    public void TheSolutionBeingBuiltDecidesWhereTheFileGoes()
    {
        var other = temp.Write("deploy/All.sln", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Api\", \"..\\src\\Api\\Api.csproj\", \"{E3625DF4-8BFD-480E-B616-B62BA7E557DB}\"\nEndProject\n");

        Assert.True(Task("Api", new FakeBuildEngine(), solution: other).Execute());

        Assert.False(File.Exists(BakeFile));
        var text = File.ReadAllText(Path.Combine(temp.Path, "deploy", "docker-bake.hcl"));
        Assert.Contains("  context = \"../src\"\n", text);
    }

    [Fact]
    public void WithoutASolutionTheFileIsAtTheRepositoryRootWithTheServicesBelowIt()
    {
        File.Delete(Path.Combine(temp.Path, "Shop.sln"));
        temp.Write("src/Api/bin/Copy/Copy.csproj", "<Project />\n");

        Task("Api", new FakeBuildEngine()).Execute();
        Task("Worker", new FakeBuildEngine()).Execute();

        Assert.Equal(new[] { "api", "worker" }, TargetNames());
        Assert.StartsWith(GeneratedFileMarker.Prefix + " from the projects below this folder; ", File.ReadAllText(BakeFile));
    }

    [Fact]
    public void AFileOfTheUsersIsKeptWithDFG0110AndAnEditedOneWithDFG0111()
    {
        File.WriteAllText(BakeFile, "target \"mine\" {}\n");
        var engine = new FakeBuildEngine();

        Assert.True(Task("Api", engine).Execute());

        Assert.Equal("target \"mine\" {}\n", File.ReadAllText(BakeFile));
        Assert.Equal("DFG0110", Assert.Single(engine.Warnings).Code);

        File.Delete(BakeFile);
        Task("Api", new FakeBuildEngine()).Execute();
        File.AppendAllText(BakeFile, "# mine\n");
        var edited = new FakeBuildEngine();
        Task("Worker", edited).Execute();

        Assert.EndsWith("# mine\n", File.ReadAllText(BakeFile));
        Assert.Equal("DFG0111", Assert.Single(edited.Warnings).Code);

        var overwrite = Task("Worker", new FakeBuildEngine());
        overwrite.Overwrite = true;
        overwrite.Execute();

        Assert.Equal(new[] { "api", "worker" }, TargetNames());
    }

    [Fact]
    public void ABakeFilePropertyNamesAnotherFileRelativeToTheSolution()
    {
        var task = Task("Api", new FakeBuildEngine());
        task.BakeFile = "deploy/services.hcl";

        Assert.True(task.Execute());

        Assert.False(File.Exists(BakeFile));
        Assert.Contains("  context = \"../src\"\n", File.ReadAllText(Path.Combine(temp.Path, "deploy", "services.hcl")));
    }

    [Theory]
    [InlineData("true")]
    [InlineData(" True ")]
    public void ABakeFilePropertyOfTrueKeepsTheDefaultFile(string value)
    {
        var task = Task("Api", new FakeBuildEngine());
        task.BakeFile = value;

        Assert.True(task.Execute());

        Assert.Equal(BakeFile, task.BakeFilePath);
        Assert.True(File.Exists(BakeFile));
        Assert.False(File.Exists(Path.Combine(temp.Path, "true")));
    }

    [Fact]
    public void ALockHeldTooLongLeavesTheFileWithDFG0112()
    {
        using var held = new FileStream(UpdateBakeFile.LockPath(BakeFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var engine = new FakeBuildEngine();
        var task = Task("Api", engine);
        task.LockTimeoutSeconds = 1;

        Assert.True(task.Execute());

        Assert.False(File.Exists(BakeFile));
        Assert.Equal("DFG0112", Assert.Single(engine.Warnings).Code);
        Assert.True(File.Exists(Path.Combine(temp.Path, "src", "Api", "obj", "DockerfileGen.bake")));
    }

    [Fact]
    public void AnImageNameDockerWouldRejectLeavesTheTargetWithoutTagsAndSaysWhy()
    {
        var engine = new FakeBuildEngine();
        var task = Task("Api", engine);
        task.Repository = "Not Valid";

        Assert.True(task.Execute());

        Assert.Equal("DFG0113", Assert.Single(engine.Warnings).Code);
        Assert.DoesNotContain("tags =", File.ReadAllText(BakeFile));
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
