using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerfileGen.Tasks.Tests;

/// <summary>The image build task against a fake docker: arguments, streaming, errors, timeouts and cancellation.</summary>
public sealed class BuildImageTests
{
    private static (BuildImage Task, FakeBuildEngine Engine) Create(FakeContainerTool tool, Action<BuildImage>? configure = null)
    {
        var engine = new FakeBuildEngine();
        var task = new BuildImage
        {
            BuildEngine = engine,
            ProjectFullPath = "/src/WebApi/WebApi.csproj",
            DockerfilePath = tool.Dockerfile,
            ContextDirectory = Path.GetDirectoryName(tool.Dockerfile)!,
            ContainerToolPath = tool.Path,
            AssemblyName = "WebApi",
            Version = "1.0.0",
        };
        configure?.Invoke(task);
        return (task, engine);
    }

    private static List<string> Lines(FakeBuildEngine engine)
    {
        lock (engine.Messages)
        {
            return engine.Messages.Select(m => m.Message ?? "").ToList();
        }
    }

    [Fact]
    public void BuildsWithBuildKitAndEndsWithTheImageAndItsSize()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t =>
        {
            t.ImageTags = "1.0.0;latest";
            t.RuntimeIdentifiers = "linux-x64";
            t.BuildArgs = new ITaskItem[] { new TaskItem("GREETING", new Dictionary<string, string> { ["Value"] = "hello world" }) };
        });

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var context = Path.GetDirectoryName(tool.Dockerfile)!;
        Assert.Equal(
            new[]
            {
                "info|buildkit=1",
                $"build --progress=plain -f {tool.Dockerfile} -t webapi:1.0.0 -t webapi:latest --platform linux/amd64 --build-arg GREETING=hello world {context}|buildkit=1",
                "image inspect --format {{.Size}} webapi:1.0.0|buildkit=1",
            },
            tool.Calls());
        var lines = Lines(engine);
        Assert.Contains("#1 [build 1/2] FROM sdk", lines);
        Assert.Equal("DockerfileGen: built image webapi:1.0.0 (also tagged webapi:latest), 230.7 MB", lines[^1]);
        Assert.Equal(new[] { "webapi:1.0.0", "webapi:latest" }, task.ImageReferences.Select(i => i.ItemSpec));
        Assert.Equal(230_712_345L, task.ImageSize);
        Assert.All(engine.Messages.Where(m => m.Message!.StartsWith('#')), m => Assert.Equal(MessageImportance.High, m.Importance));
    }

    [Fact]
    public void TheCommitsTimeIsPassedWhenTheDockerfileTakesItFromTheEnvironmentElseFromGitUnlessTheUserPassesIt()
    {
        using var tool = new FakeContainerTool();
        File.WriteAllText(tool.Dockerfile, "FROM scratch AS build\nARG SOURCE_DATE_EPOCH\nARG APP_VERSION\n");
        string Build(Action<BuildImage> configure)
        {
            var (task, engine) = Create(tool, configure);
            Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
            return tool.Calls().Last(call => call.StartsWith("build ", StringComparison.Ordinal));
        }

        Assert.Contains(" --build-arg SOURCE_DATE_EPOCH=1700000000 ", Build(t => t.SourceDateEpoch = "1700000000"));
        Assert.Contains(" --build-arg SOURCE_DATE_EPOCH=42 ", Build(t =>
        {
            t.SourceDateEpoch = "1700000000";
            t.BuildArgs = new ITaskItem[] { new TaskItem("SOURCE_DATE_EPOCH", new Dictionary<string, string> { ["Value"] = "42" }) };
        }));

        // A context outside any repository, and a value that is no time: nothing passed, the Dockerfile's fixed time applies.
        Assert.DoesNotContain("SOURCE_DATE_EPOCH", Build(t => t.SourceDateEpoch = "yesterday"));

        // In a repository, the last commit's time.
        var context = Path.GetDirectoryName(tool.Dockerfile)!;
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "a", ["GIT_AUTHOR_EMAIL"] = "a@example.com", ["GIT_COMMITTER_NAME"] = "a", ["GIT_COMMITTER_EMAIL"] = "a@example.com",
            ["GIT_COMMITTER_DATE"] = "@1600000000 +0000", ["GIT_AUTHOR_DATE"] = "@1600000000 +0000",
        };
        foreach (var arguments in new[] { new[] { "init", "-q" }, new[] { "add", "Dockerfile" }, new[] { "commit", "-q", "-m", "x" } })
        {
            DockerfileGen.Testing.ProcessRunner.Run("git", arguments, context, TimeSpan.FromSeconds(30), environment).EnsureSuccess("git " + arguments[0]);
        }

        Assert.Contains(" --build-arg SOURCE_DATE_EPOCH=1600000000 ", Build(_ => { }));
    }

    [Fact]
    public void OutputReachesTheLogWhileTheToolIsStillRunning()
    {
        // The tool waits for a file that the test creates only when the first line has been logged: if output were
        // collected until the tool exits, the tool would give up and fail.
        using var tool = new FakeContainerTool(build: """echo 'first line'; i=0; while [ ! -e "$dir/release" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; [ -e "$dir/release" ] && echo 'second line'""");
        var (task, engine) = Create(tool);
        engine.OnMessage = message =>
        {
            if (message.Message == "first line")
            {
                File.WriteAllText(Path.Combine(tool.Directory, "release"), "");
            }
        };

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Contains("second line", Lines(engine));
    }

    [Fact]
    public void PodmanGetsNoBuildKitVariable()
    {
        using var tool = new FakeContainerTool(name: "podman", info: "echo 5.4.2");
        var (task, engine) = Create(tool, t => t.ContainerTool = "podman");

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.StartsWith($"build -f {tool.Dockerfile} -t webapi:1.0.0 ", tool.Calls()[1]);
        Assert.EndsWith("|buildkit=", tool.Calls()[1]);
    }

    [Fact]
    public void SecretIsPassedAsASecretMount()
    {
        using var tool = new FakeContainerTool();
        var secretFile = Path.Combine(tool.Directory, "NuGet.Config");
        File.WriteAllText(secretFile, "<configuration />");
        var (task, engine) = Create(tool, t => t.Secrets = new ITaskItem[] { new TaskItem("nugetconfig", new Dictionary<string, string> { ["Source"] = secretFile }) });

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Contains($" --secret id=nugetconfig,src={secretFile} ", tool.Calls()[1]);
        Assert.DoesNotContain("<configuration", string.Join("\n", Lines(engine)));
    }

    [Fact]
    public void MissingSecretFileIsDFG0058AndNothingRuns()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => t.Secrets = new ITaskItem[] { new TaskItem("nugetconfig", new Dictionary<string, string> { ["Source"] = "/nowhere/NuGet.Config" }) });

        Assert.False(task.Execute());
        Assert.Equal("DFG0058", Assert.Single(engine.Errors).Code);
        Assert.Empty(tool.Calls());
    }

    [Fact]
    public void MissingToolIsDFG0050()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => t.ContainerToolPath = "/nowhere/docker");

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0050", error.Code);
        Assert.Contains("DockerfileGenContainerToolPath", error.Message);
    }

    [Fact]
    public void ToolPathMayBeTheFolderHoldingTheTool()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => t.ContainerToolPath = tool.Directory);

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void UnknownToolIsDFG0056()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => t.ContainerTool = "nerdctl");

        Assert.False(task.Execute());
        Assert.Equal("DFG0056", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void MissingDockerfileIsDFG0060()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => t.DockerfilePath = "/nowhere/Dockerfile");

        Assert.False(task.Execute());
        Assert.Equal("DFG0060", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void EngineThatDoesNotAnswerIsDFG0051AndNoBuildRuns()
    {
        using var tool = new FakeContainerTool(info: "echo 'Client:'; echo ' Context: default'; echo 'Server:'; echo 'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; echo 'errors pretty printing info'; exit 1");
        var (task, engine) = Create(tool);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0051", error.Code);
        Assert.Contains("(ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?)", error.Message);
        Assert.Single(tool.Calls());
    }

    [Fact]
    public void EngineCheckThatHangsIsDFG0051WithinItsTimeout()
    {
        using var tool = new FakeContainerTool(info: "sleep 30");
        var (task, engine) = Create(tool, t => t.EngineCheckTimeoutSeconds = 1);
        var stopwatch = Stopwatch.StartNew();

        Assert.False(task.Execute());
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Contains("no answer within 1 s", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void FailedBuildIsDFG0052QuotingTheError()
    {
        using var tool = new FakeContainerTool(build: "echo '#9 [build 4/6] RUN dotnet restore'; echo '#9 ERROR: process \"/bin/sh -c dotnet restore\" did not complete successfully: exit code: 1' >&2; echo 'some trailing noise'; exit 1");
        var (task, engine) = Create(tool);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0052", error.Code);
        Assert.Contains("exit code 1: #9 ERROR: process \"/bin/sh -c dotnet restore\"", error.Message);
        Assert.Equal(2, tool.Calls().Count);
    }

    [Fact]
    public void FailedBuildQuotesTheFirstCodedErrorOfTheFailedCommand()
    {
        using var tool = new FakeContainerTool(build: "echo '#11 3.305 /src/WebApi.csproj : error NU1101: Unable to find package Foo.'; echo '#11 ERROR: executor failed running [/bin/sh -c dotnet restore]: exit code: 1'; echo 'executor failed running'; exit 1");
        var (task, engine) = Create(tool);

        Assert.False(task.Execute());
        Assert.Contains("exit code 1: #11 3.305 /src/WebApi.csproj : error NU1101: Unable to find package Foo.", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void BuildThatRunsTooLongIsStoppedWithItsChildrenAsDFG0053()
    {
        using var tool = new FakeContainerTool(build: """sleep 60 & echo $! > "$dir/child.pid"; echo started; wait""");
        var (task, engine) = Create(tool, t => t.TimeoutSeconds = 2);
        var stopwatch = Stopwatch.StartNew();

        Assert.False(task.Execute());

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal("DFG0053", Assert.Single(engine.Errors).Code);
        AssertProcessEnds(File.ReadAllText(Path.Combine(tool.Directory, "child.pid")).Trim());
    }

    [Fact]
    public void CancelKillsTheToolAndItsChildren()
    {
        using var tool = new FakeContainerTool(build: """sleep 60 & echo $! > "$dir/child.pid"; echo started; wait""");
        var (task, engine) = Create(tool);
        engine.OnMessage = message =>
        {
            if (message.Message == "started")
            {
                // What MSBuild does on Ctrl+C: call Cancel from another thread while Execute runs.
                ThreadPool.QueueUserWorkItem(_ => task.Cancel());
            }
        };
        var stopwatch = Stopwatch.StartNew();

        Assert.False(task.Execute());

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Empty(engine.Errors);
        Assert.Contains("DockerfileGen: image build canceled; docker was stopped.", Lines(engine));
        AssertProcessEnds(File.ReadAllText(Path.Combine(tool.Directory, "child.pid")).Trim());
    }

    private static void AssertProcessEnds(string pid)
    {
        // A killed child whose parent is gone may linger as a zombie until init reaps it: that is ended too.
        var stat = $"/proc/{pid}/stat";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            string? text = null;
            try
            {
                text = File.Exists(stat) ? File.ReadAllText(stat) : null;
            }
            catch (IOException)
            {
            }

            if (text is null || text.Substring(text.LastIndexOf(')') + 2, 1) == "Z")
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"process {pid} (the tool's child) still runs");
    }

    [Fact]
    public void ADockerCliWithoutBuildxFirstOnPathGivesWayToOneThatCanBuild()
    {
        using var newer = new FakeContainerTool(clientVersion: "echo 24.0.7");
        using var older = new FakeContainerTool();
        var (task, engine) = Create(older, t => { t.ContainerToolPath = ""; t.SearchPath = newer.Directory + Path.PathSeparator + older.Directory; });

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Empty(newer.Calls());
        Assert.Contains(older.Calls(), call => call.StartsWith("build ", StringComparison.Ordinal));
        Assert.Contains($"DockerfileGen: using {older.Path}: {newer.Path} has no buildx plugin, which BuildKit builds need from Docker 23 on.", Lines(engine));
    }

    [Fact]
    public void ADockerCliWithBuildxIsUsedAsItIs()
    {
        using var tool = new FakeContainerTool(clientVersion: "echo 27.1.0", buildx: "echo 'github.com/docker/buildx v0.16.2'");
        var (task, engine) = Create(tool);

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Equal(new[] { "buildx version" }, tool.Probes());
    }

    [Fact]
    public void NoDockerCliThatCanBuildIsDFG0073BeforeAnythingRuns()
    {
        using var tool = new FakeContainerTool(clientVersion: "echo 25.0.3");
        var (task, engine) = Create(tool);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0073", error.Code);
        Assert.Contains("buildx", error.Message);
        Assert.Empty(tool.Calls());
    }

    [Fact]
    public void CheckOnlyAsksTheEngineAndBuildsNothing()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => { t.CheckOnly = true; t.DockerfilePath = "/nowhere/Dockerfile"; });

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Equal(new[] { "info|buildkit=1" }, tool.Calls());
    }

    [Fact]
    public void AnErrorInsideTheImageBuildPointsAtTheFileOnThisMachine()
    {
        using var tool = new FakeContainerTool(build: "echo '#12 3.4 /src/Program.cs(3,17): error CS1002: ; expected [/src/App.csproj]'; echo '#12 3.4 /src/Program.cs(3,17): error CS1002: ; expected [/src/App.csproj]'; exit 1");
        var context = Path.GetDirectoryName(tool.Dockerfile)!;
        File.WriteAllText(Path.Combine(context, "Program.cs"), "class C { void M() { int x = 1 } }\n");
        var (task, engine) = Create(tool);

        Assert.False(task.Execute());

        var compile = Assert.Single(engine.Errors, e => e.Code == "CS1002");
        Assert.Equal(Path.Combine(context, "Program.cs"), compile.File);
        Assert.Equal((3, 17), (compile.LineNumber, compile.ColumnNumber));
        Assert.Equal("; expected", compile.Message);
        Assert.Contains(Path.Combine(context, "Program.cs") + "(3,17)", Assert.Single(engine.Errors, e => e.Code == "DFG0052").Message);
    }

    [Fact]
    public void WithARegistryEveryTagIsPushedAfterTheBuildAndTheLogCountsWhatMoved()
    {
        // The first tag's push uploads two layers; the second finds every layer there already.
        using var tool = new FakeContainerTool(push: """
            echo "The push refers to repository [${2%:*}]"
            for id in 5f70bf18a086 a1b2c3d4e5f6 4288eb91f8dd; do echo "$id: Preparing"; done
            if [ -e "$dir/pushed" ]; then
              for id in 5f70bf18a086 a1b2c3d4e5f6 4288eb91f8dd; do echo "$id: Layer already exists"; done
            else
              echo '5f70bf18a086: Pushed'; echo 'a1b2c3d4e5f6: Pushed'; echo '4288eb91f8dd: Layer already exists'; touch "$dir/pushed"
            fi
            echo "${2##*:}: digest: sha256:d7e2c414d457a5594c8190b6507d2dfa4919be02b0828a396092c903e945a2ca size: 951"
            """);
        var (task, engine) = Create(tool, t => { t.Registry = "127.0.0.1:5055"; t.ImageTags = "1.0.0;latest"; });

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Equal(
            new[]
            {
                "image inspect --format {{.Size}} 127.0.0.1:5055/webapi:1.0.0|buildkit=1",
                "push 127.0.0.1:5055/webapi:1.0.0|buildkit=1",
                "push 127.0.0.1:5055/webapi:latest|buildkit=1",
            },
            tool.Calls().Skip(2));
        Assert.Contains(" -t 127.0.0.1:5055/webapi:1.0.0 -t 127.0.0.1:5055/webapi:latest ", tool.Calls()[1]);
        var lines = Lines(engine);
        Assert.Contains("5f70bf18a086: Pushed", lines);
        Assert.Equal(
            new[]
            {
                "DockerfileGen: pushed 127.0.0.1:5055/webapi:1.0.0 (2 layers uploaded, 1 already in 127.0.0.1:5055)",
                "DockerfileGen: pushed 127.0.0.1:5055/webapi:latest (0 layers uploaded, 3 already in 127.0.0.1:5055)",
            },
            lines.Where(line => line.StartsWith("DockerfileGen: pushed ", StringComparison.Ordinal)));
        Assert.Equal(new[] { "127.0.0.1:5055/webapi:1.0.0", "127.0.0.1:5055/webapi:latest" }, task.ImageReferences.Select(i => i.ItemSpec));
    }

    [Fact]
    public void PodmanPushesEveryTagToo()
    {
        using var tool = new FakeContainerTool(name: "podman", info: "echo 4.3.1",
            push: "echo 'Getting image source signatures'; echo 'Copying blob sha256:a59a61e5e917c99ce86f046d5421564681ce9c6c41d160a536d6b71634930169'; echo 'Writing manifest to image destination'");
        var (task, engine) = Create(tool, t => { t.ContainerTool = "podman"; t.Registry = "registry.example.test"; });

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Equal("push registry.example.test/webapi:1.0.0|buildkit=", tool.Calls()[^1]);
        Assert.Contains("DockerfileGen: pushed registry.example.test/webapi:1.0.0 (1 layer; podman does not say which of them registry.example.test already had)", Lines(engine));
    }

    [Fact]
    public void ARefusedPushIsDFG0090NamingTheRegistryWithTheLoginCommandAndStopsThere()
    {
        using var tool = new FakeContainerTool(push: "echo \"The push refers to repository [${2%:*}]\"; echo '5f70bf18a086: Preparing'; echo 'denied: requested access to the resource is denied' >&2; exit 1");
        var (task, engine) = Create(tool, t => { t.Registry = "registry.example.test"; t.ImageTags = "1.0.0;latest"; });

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0090", error.Code);
        Assert.Contains("Pushing registry.example.test/webapi:1.0.0 to the registry registry.example.test failed ('docker push' exit code 1): denied: requested access to the resource is denied.", error.Message);
        Assert.Contains("'docker login registry.example.test'", error.Message);
        Assert.Single(tool.Calls(), call => call.StartsWith("push ", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(engine), line => line.StartsWith("DockerfileGen: pushed", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnreachableRegistryIsDFG0090SayingNothingAnswersThere()
    {
        using var tool = new FakeContainerTool(push: "echo \"The push refers to repository [${2%:*}]\"; echo 'Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused' >&2; exit 1");
        var (task, engine) = Create(tool, t => t.Registry = "127.0.0.1:1");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("DFG0090", error.Code);
        Assert.Contains("to the registry 127.0.0.1:1 failed", error.Message);
        Assert.Contains("connection refused", error.Message);
        Assert.Contains("Nothing answers as a registry at 127.0.0.1:1: check ContainerRegistry", error.Message);
    }

    [Fact]
    public void ARegistryThatIsNotAHostFailsTheEarlyCheckWithDFG0091BeforeTheEngineIsAsked()
    {
        using var tool = new FakeContainerTool();
        var (task, engine) = Create(tool, t => { t.CheckOnly = true; t.Registry = "https://registry.example.test"; });

        Assert.False(task.Execute());

        Assert.Equal("DFG0091", Assert.Single(engine.Errors).Code);
        Assert.Empty(tool.Calls());
    }
}
