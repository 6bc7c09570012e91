using System.Formats.Tar;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/WebApi, consuming the packed package, built into an image on the local engine from the Dockerfile
/// DockerfileGen generated, then run and inspected.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class WebApiImageTests
{
    private readonly PackedPackage package;

    public WebApiImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void PublishBuildsTheImageWhichServesAsNonRootWithoutSdkOrCompiler()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        var tag = "e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-webapi:" + tag;
        var container = "dfg-test-webapi-" + tag;

        try
        {
            var publish = DotNet.Run(
                    directory,
                    new[]
                    {
                        "publish", "-nodeReuse:false", "-nologo",
                        "-p:DockerfileGenBuildImage=true",
                        $"-p:DockerfileGenContainerToolPath={ContainerEngine.Docker}",
                        "-p:ContainerRepository=dfg-test-webapi",
                        $"-p:ContainerImageTag={tag}",
                        "-p:Version=3.4.5",
                    }.Concat(package.FeedArguments).ToArray())
                .EnsureSuccess("dotnet publish -p:DockerfileGenBuildImage=true");

            // The version from the command line reaches the image as a build argument, never as text in the Dockerfile;
            // the description is the project's (none), not the base image's.
            Assert.DoesNotContain("3.4.5", File.ReadAllText(Path.Combine(directory, "Dockerfile")));
            var labels = ContainerEngine.Run(directory, "image", "inspect", "--format", "{{json .Config.Labels}}", image).EnsureSuccess("docker image inspect").Output;
            Assert.Contains("\"org.opencontainers.image.version\":\"3.4.5\"", labels);
            Assert.Contains("\"org.opencontainers.image.description\":\"\"", labels);
            Assert.DoesNotContain("org.opencontainers.image.authors", labels);

            Assert.Contains($"DockerfileGen: wrote Dockerfile and .dockerignore in {directory}", publish.Output);
            Assert.Empty(FoundationChecks.Violations(File.ReadAllText(Path.Combine(directory, "Dockerfile"))));
            Assert.Matches(@"#\d+ \[build \d+/\d+\] RUN --mount=type=cache,id=nuget,target=/root/\.nuget/packages dotnet restore WebApi\.csproj -a amd64", publish.Output);
            Assert.Matches($@"DockerfileGen: built image {Regex.Escape(image)}, \d+\.\d MB", publish.Output);

            ContainerEngine.Run(directory, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run");
            var port = ContainerEngine.Run(directory, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];
            Assert.Equal(HttpStatusCode.OK, HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60)).Status);

            // The app is the container's only process (exec-form entrypoint), as the image's app user. The default
            // image is chiseled (no cat to exec), so the engine's own process table says it.
            var users = ContainerEngine.Run(directory, "top", container, "-o", "pid,ruid,euid,comm").EnsureSuccess("docker top").Output;
            var processes = users.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.True(processes.Count == 1, "expected the app as the container's only process:\n" + users);
            Assert.Equal(new[] { "1654", "1654", "WebApi" }, processes[0].Skip(1).ToArray());

            var sdks = ContainerEngine.Run(directory, "run", "--rm", "--entrypoint", "dotnet", image, "--list-sdks").EnsureSuccess("dotnet --list-sdks in the image");
            Assert.Equal("", sdks.Output.Trim());

            // The file system, read from outside (the image has no shell): the shared frameworks and no SDK, compiler,
            // native toolchain or MSBuild.
            var files = ContainerEngine.Files(temp.Path, image);
            Assert.Contains(files, f => f.Path.StartsWith("usr/share/dotnet/shared/Microsoft.AspNetCore.App/", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => f.Path.StartsWith("usr/share/dotnet/sdk/", StringComparison.Ordinal));
            var tools = new[] { "sh", "cc", "gcc", "g++", "c++", "clang", "ld", "as", "make", "csc", "csc.dll", "Microsoft.Build.dll", "ilc" };
            Assert.Empty(files.Where(f => f.Type != TarEntryType.Directory
                && (tools.Contains(f.Name) || f.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))).Select(f => f.Path));
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    [SkippableFact]
    public void SourceEditRebuildReusesTheRestoreLayerAndRunsOnlyTheStepsAfterIt()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        package.Build(directory).EnsureSuccess("dotnet build (generates the Dockerfile)");
        var image = "dfg-test-webapi-cache:" + Guid.NewGuid().ToString("N").Substring(0, 8);

        try
        {
            // Cold: no layer of this Dockerfile may come from an earlier run.
            var cold = Stopwatch.StartNew();
            var first = ContainerEngine.Run(directory, "build", "--progress=plain", "--no-cache", "-t", image, "-f", "Dockerfile", ".").EnsureSuccess("cold docker build");
            cold.Stop();
            Assert.False(IsCached(first.Output, "RUN dotnet restore"), "the cold build must run the restore step");

            var program = Path.Combine(directory, "Program.cs");
            // A new text every run: BuildKit's cache is keyed by content, so a repeated edit would be a cache hit.
            File.WriteAllText(program, File.ReadAllText(program).Replace("Hello from a DockerfileGen image", "Hello from edit " + Guid.NewGuid().ToString("N")));

            var warm = Stopwatch.StartNew();
            var second = ContainerEngine.Run(directory, "build", "--progress=plain", "-t", image, "-f", "Dockerfile", ".").EnsureSuccess("docker build after a source edit");
            warm.Stop();

            Assert.True(IsCached(second.Output, "RUN dotnet restore"), "restore step not reported CACHED after a source edit:\n" + second.Output);
            Assert.False(IsCached(second.Output, "RUN dotnet publish"), "the edit must reach the publish step");
            // Which steps ran, not how long they took: a wall-clock race between two builds on a shared machine proves
            // little (benchmarks/ measures the time side by side). The sample has no package, so its restore is quick.
            var coldRan = RanSteps(first.Output);
            var warmRan = RanSteps(second.Output);
            Assert.True(warmRan < coldRan, $"the rebuild ran {warmRan} steps, the cold build {coldRan}:\n{second.Output}");
            Console.WriteLine($"WebApi image: cold build {cold.Elapsed.TotalSeconds:0.0} s ({coldRan} steps ran), rebuild after a source edit {warm.Elapsed.TotalSeconds:0.0} s ({warmRan} steps ran)");
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    [SkippableFact]
    public void PublishWithAnEngineThatDoesNotAnswerFailsWithDFG0051()
    {
        // Needs no engine: a docker CLI pointed at a socket nothing listens on is what "no engine" looks like.
        Skip.IfNot(File.Exists(ContainerEngine.Docker), $"{ContainerEngine.Docker} does not exist");
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        var socket = Path.Combine(temp.Path, "nothing-listens-here.sock");

        var result = ProcessRunner.Run(
            "dotnet",
            new[] { "publish", "-nodeReuse:false", "-nologo", "-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={ContainerEngine.Docker}" }.Concat(package.FeedArguments),
            directory,
            TimeSpan.FromMinutes(8),
            new Dictionary<string, string>
            {
                ["DOCKER_HOST"] = "unix://" + socket,
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                ["MSBUILDTERMINALLOGGER"] = "off",
            });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0051", result.Output);
        Assert.Contains(socket, result.Output);

        // Before the host's own build and publish, which the image would not have used.
        Assert.False(Directory.Exists(Path.Combine(directory, "bin")), "nothing was built or published:\n" + result.Output);
    }

    /// <summary>How many RUN and COPY steps BuildKit's plain progress shows as run rather than CACHED.</summary>
    private static int RanSteps(string output)
    {
        var steps = Regex.Matches(output, @"(?m)^(#\d+) \[[^\]]+\] (RUN|COPY) ").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(steps);
        return steps.Count(id => !Regex.IsMatch(output, $@"(?m)^{id} CACHED\s*$"));
    }

    /// <summary>Whether BuildKit's plain progress reports the step whose text contains <paramref name="step"/> as CACHED.</summary>
    private static bool IsCached(string output, string step)
    {
        // The step as BuildKit prints it, after the RUN's mount flags and any command chained before it.
        var id = Regex.Match(output, $@"(?m)^(#\d+) \[[^\]]+\] RUN (--mount=\S+ )*([^\n]*? && )?{Regex.Escape(step.Substring("RUN ".Length))}");
        Assert.True(id.Success, $"no '{step}' step in the build output:\n{output}");
        return Regex.IsMatch(output, $@"(?m)^{id.Groups[1].Value} CACHED\s*$");
    }
}
