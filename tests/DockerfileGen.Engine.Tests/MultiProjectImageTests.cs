using System.Net;
using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/MultiProject with DockerfileGen added to its API project, built into an image with the generated
/// Dockerfile from the generated build context (the repository root, above the API's folder, with the
/// <c>Dockerfile.dockerignore</c> allowlist), then run.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class MultiProjectImageTests
{
    private readonly PackedPackage package;

    public MultiProjectImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void ImageBuiltFromTheGeneratedContextRestoresLockedAndServesTheApi()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");
        var root = package.CopySample("MultiProject", temp);
        var api = Path.Combine(root, "src", "Api");
        AddDockerfileGen(root, api);

        // The first build restores the sample's packages from this machine's sources into the private packages folder.
        package.Build(api).EnsureSuccess("dotnet build of the API");

        // The build in the SDK image reaches no registry: the repository's NuGet.config names a feed served from
        // those packages instead, as a team's NuGet.config names its own feed. The image restores from it in
        // locked mode, so it gets exactly what the lock files say.
        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="maxHttpRequestsPerSource" value="16" />
              </config>
              <packageSources>
                <clear />
                <add key="contoso" value="{feed.IndexUrl}" allowInsecureConnections="true" />
              </packageSources>
            </configuration>
            """);
        var build = package.Build(api).EnsureSuccess("dotnet build of the API with the feed");
        Assert.DoesNotContain("warning DFG", build.Output);

        var dockerfile = Path.Combine(api, "Dockerfile");
        var header = DockerfileHeader.Read(dockerfile);
        Assert.Equal(Path.TrimEndingDirectorySeparator(root), Path.TrimEndingDirectorySeparator(header.ContextDirectory));
        Assert.True(File.Exists(Path.Combine(api, "Dockerfile.dockerignore")), "no Dockerfile.dockerignore next to the Dockerfile");
        Assert.Contains("--locked-mode", File.ReadAllText(dockerfile));

        // The image's restore must download from the feed below: an earlier image build of this run may have left the
        // sample's packages in the builder's NuGet cache mount.
        ContainerEngine.Run(root, "builder", "prune", "-f", "--filter", "type=exec.cachemount").EnsureSuccess("docker builder prune of the cache mounts");

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-multiproject:" + tag;
        var container = "dfg-test-multiproject-" + tag;
        try
        {
            var dockerBuild = ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain" }.Concat(header.WithTag(image)).ToArray())
                .EnsureSuccess("the docker build command of the Dockerfile's header, from the folder it names");
            Assert.True(Regex.IsMatch(dockerBuild.Output, @"#\d+ \[build\s+\d+/\d+\] RUN --mount=type=cache,id=nuget,target=/root/\.nuget/packages dotnet restore src/Api/Api\.csproj -a amd64 --locked-mode"), "no locked-mode restore step in the build:\n" + dockerBuild.Output);

            // The restore ran in the build, not on the host: the packages went to a container's address.
            var downloads = feed.RequestsFromContainers(root).Where(r => r.Path.EndsWith(".nupkg", StringComparison.Ordinal)).Select(r => r.Path).ToList();
            Assert.Contains(downloads, path => path.Contains("microsoft.extensions.logging.abstractions", StringComparison.Ordinal));
            Assert.Contains(downloads, path => path.Contains("microsoft.extensions.dependencyinjection.abstractions", StringComparison.Ordinal));

            ContainerEngine.Run(root, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run");
            var port = ContainerEngine.Run(root, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];

            // Each endpoint goes through another project: the linked shared file, then application → infrastructure → domain.
            var home = HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, home.Status);
            Assert.Contains("\"product\":\"Contoso Orders\"", home.Body);
            var orders = HttpProbe.Get($"http://{port}/orders", TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, orders.Status);
            Assert.Contains("Ada", orders.Body);
            Assert.Contains("Grace", orders.Body);
            var revenue = HttpProbe.Get($"http://{port}/revenue", TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, revenue.Status);
            Assert.Matches(@"""revenue"":200\.5", revenue.Body);

            // The chiseled default has no cat to exec: the engine's process table gives the app's user IDs.
            var users = ContainerEngine.Run(root, "top", container, "-o", "pid,ruid,euid").EnsureSuccess("docker top").Output;
            Assert.Equal(new[] { "1654 1654" }, users.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => string.Join(" ", line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))).ToArray());

            // The allowlist kept everything else of the repository out: no source file reached the image (read from
            // outside, through docker export, since the image has no shell).
            var sources = ContainerEngine.Files(temp.Path, image)
                .Where(f => f.Name.EndsWith(".cs", StringComparison.Ordinal) || f.Name.EndsWith(".csproj", StringComparison.Ordinal) || f.Name == "NuGet.config")
                .Select(f => f.Path);
            Assert.Empty(sources);
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    private void AddDockerfileGen(string root, string api) => AddDockerfileGen(root, api, package.Version);

    /// <summary>Adds DockerfileGen as a user does: a PackageReference, its version with the central package versions.</summary>
    internal static void AddDockerfileGen(string root, string api, string version)
    {
        var versions = Path.Combine(root, "build", "Versions.props");
        File.WriteAllText(versions, File.ReadAllText(versions).Replace(
            "  </ItemGroup>", $"    <PackageVersion Include=\"DockerfileGen\" Version=\"{version}\" />\n  </ItemGroup>"));
        var project = Path.Combine(api, "Api.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>", "  <ItemGroup>\n    <PackageReference Include=\"DockerfileGen\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>"));
        Assert.Contains("DockerfileGen", File.ReadAllText(project));
        Assert.Matches(new Regex("PackageVersion Include=\"DockerfileGen\""), File.ReadAllText(versions));
    }
}
