using System.Formats.Tar;
using System.Net;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/WebApi with <c>ContainerFamily=noble-chiseled</c>: the generated Dockerfile ships on the chiseled ASP.NET
/// Core image (with ICU: <c>-extra</c>), which has no shell and no package manager, and the app still serves as the
/// image's non-root user.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class ChiseledImageTests
{
    private const string FinalImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra";

    private readonly PackedPackage package;

    public ChiseledImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void ChiseledImageServesAsUid1654AndHasNoShell()
    {
        var why = ContainerEngine.WhyUnavailableWith(FinalImage);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        var project = Path.Combine(directory, "WebApi.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <ContainerFamily>noble-chiseled</ContainerFamily>"));
        Assert.Contains("<ContainerFamily>noble-chiseled</ContainerFamily>", File.ReadAllText(project));

        var dockerfilePath = GeneratedDockerfile.Generate(package, directory, FinalImage);

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-chiseled:" + tag;
        var container = "dfg-test-chiseled-" + tag;
        try
        {
            ContainerEngine.BuildFromHeader(dockerfilePath, image);

            ContainerEngine.Run(directory, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run");
            var port = ContainerEngine.Run(directory, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];
            var home = HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, home.Status);
            Assert.Contains("Hello from a DockerfileGen image", home.Body);

            // No `docker exec cat` here (there is no cat): the engine's own process table gives the app's user IDs.
            var users = ContainerEngine.Run(directory, "top", container, "-o", "pid,ruid,euid,comm").EnsureSuccess("docker top").Output;
            var app = users.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.True(app.Count == 1, "expected the app as the container's only process:\n" + users);
            Assert.Equal(new[] { "1654", "1654", "WebApi" }, app[0].Skip(1).ToArray());

            // No shell to start: the entrypoint override fails because the file does not exist.
            var shell = ContainerEngine.Run(directory, "run", "--rm", "--entrypoint", "/bin/sh", image, "-c", "echo reached");
            Assert.NotEqual(0, shell.ExitCode);
            Assert.DoesNotContain("reached", shell.Output);
            Assert.Contains("no such file or directory", shell.Output, StringComparison.OrdinalIgnoreCase);

            // And none anywhere in the file system, nor a package manager; the listing holds the app, so it is not empty.
            var files = ContainerEngine.Files(temp.Path, image);
            Assert.Contains(files, f => f.Path == "app/WebApi.dll" && f.Type is TarEntryType.RegularFile or TarEntryType.V7RegularFile);
            Assert.Contains(files, f => f.Path.StartsWith("usr/share/dotnet/shared/Microsoft.AspNetCore.App/", StringComparison.Ordinal));
            var tools = new[] { "sh", "bash", "dash", "ash", "busybox", "apt", "apt-get", "dpkg", "curl", "wget" };
            Assert.Empty(files.Where(f => f.Type != TarEntryType.Directory && tools.Contains(f.Name)).Select(f => f.Path));
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }
}
