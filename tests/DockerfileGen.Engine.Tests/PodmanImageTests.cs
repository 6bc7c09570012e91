using System.Net;
using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/WebApi built by <c>dotnet publish -p:DockerfileGenBuildImage=true -p:DockerfileGenContainerTool=podman</c>
/// (rootful Podman, Buildah underneath), then run with Podman. Podman has its own image store: the .NET base images
/// must be loaded into it (<c>docker save … | podman load</c>; <c>.ci/run</c> does that).
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class PodmanImageTests
{
    /// <summary>The Podman CLI the tests use.</summary>
    internal const string Podman = "/usr/bin/podman";

    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);

    private readonly PackedPackage package;

    public PodmanImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void PublishWithPodmanBuildsTheImageWhichServesAsNonRoot()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        var tag = "podman-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-podman:" + tag;
        var container = "dfg-test-podman-" + tag;
        var danglingBefore = Dangling(temp.Path);
        try
        {
            var publish = DotNet.Run(
                    directory,
                    new[]
                    {
                        "publish", "-nodeReuse:false", "-nologo",
                        "-p:DockerfileGenBuildImage=true",
                        "-p:DockerfileGenContainerTool=podman",
                        $"-p:DockerfileGenContainerToolPath={Podman}",
                        "-p:ContainerRepository=dfg-test-podman",
                        $"-p:ContainerImageTag={tag}",
                    }.Concat(package.FeedArguments).ToArray())
                .EnsureSuccess("dotnet publish -p:DockerfileGenBuildImage=true -p:DockerfileGenContainerTool=podman");

            // Buildah's step lines, not BuildKit's: Podman built it, and the image is in Podman's store.
            Assert.Matches(@"STEP \d+/\d+: RUN --mount=type=cache,id=nuget,target=/root/\.nuget/packages dotnet restore WebApi\.csproj", publish.Output);
            Assert.Matches($@"DockerfileGen: built image {Regex.Escape(image)}, \d+\.\d MB", publish.Output);
            Run(directory, "image", "exists", image).EnsureSuccess("podman image exists");

            // Explicit limits: Podman raises nofile/nproc to the maximum by default, which a sandbox without
            // CAP_SYS_RESOURCE refuses (runc: "error setting rlimit type 7: operation not permitted").
            Run(directory, "run", "-d", "--name", container, "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096", "-p", "127.0.0.1::8080", image)
                .EnsureSuccess("podman run");
            var port = Run(directory, "port", container, "8080/tcp").EnsureSuccess("podman port").Output.Trim().Split('\n')[0];
            Assert.Equal(HttpStatusCode.OK, HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60)).Status);
            // The chiseled default has no cat to exec: the app's status is read from the host's /proc (Podman runs rootful here).
            var pid = Run(directory, "inspect", "--format", "{{.State.Pid}}", container).EnsureSuccess("podman inspect").Output.Trim();
            Assert.Matches(@"(?m)^Uid:\s+1654\s+1654\s", File.ReadAllText($"/proc/{pid}/status"));
        }
        finally
        {
            Run(temp.Path, "rm", "-f", container);
            Run(temp.Path, "rmi", "-f", image);

            // Podman keeps the build stage as an untagged image (its layer cache); remove the ones this build made.
            foreach (var id in Dangling(temp.Path).Except(danglingBefore))
            {
                Run(temp.Path, "rmi", id);
            }
        }
    }

    /// <summary>Why the Podman tests cannot run here (no Podman, or its store lacks the .NET base images), or null when they can.</summary>
    internal static string? WhyUnavailable => Unavailable.Value;

    /// <summary>The untagged images in Podman's store (the build stages it keeps as its layer cache).</summary>
    internal static List<string> Dangling(string workingDirectory) =>
        Run(workingDirectory, "images", "--quiet", "--no-trunc", "--filter", "dangling=true").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Runs the Podman CLI.</summary>
    internal static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run(Podman, arguments, workingDirectory, TimeSpan.FromMinutes(10));

    private static string? FindWhyUnavailable()
    {
        if (!File.Exists(Podman))
        {
            return $"{Podman} does not exist (apt-get install podman; .ci/run installs it)";
        }

        ProcessResult info;
        try
        {
            info = ProcessRunner.Run(Podman, new[] { "info" }, Path.GetTempPath(), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            return $"'{Podman} info' did not answer within 60 s";
        }

        if (info.ExitCode != 0)
        {
            return $"'{Podman} info' failed: {info.Output.Trim()}";
        }

        var missing = ContainerEngine.RequiredImages
            .Where(image => ProcessRunner.Run(Podman, new[] { "image", "exists", image }, Path.GetTempPath(), TimeSpan.FromSeconds(30)).ExitCode != 0)
            .ToList();
        return missing.Count == 0
            ? null
            : $"Podman's image store lacks {string.Join(", ", missing)} (no registry here: docker save {string.Join(' ', missing)} | podman load)";
    }
}
