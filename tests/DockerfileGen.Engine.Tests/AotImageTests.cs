using System.Diagnostics;
using System.Formats.Tar;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/AotApp (<c>PublishAot</c>, <c>InvariantGlobalization</c>): the generated Dockerfile compiles it in the
/// AOT SDK image, on the target platform, and ships the native executable alone on chiseled <c>runtime-deps</c>.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class AotImageTests
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot";
    private const string FinalImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled";
    private const string FrameworkDependentBase = "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled";

    private readonly PackedPackage package;

    public AotImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void AotSampleRunsAsANativeExecutableWithoutTheDotnetHostOrFramework()
    {
        var why = ContainerEngine.WhyUnavailableWith(SdkImage, FinalImage, FrameworkDependentBase);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");
        var directory = package.CopySample("AotApp", temp);

        // The AOT compiler comes from NuGet packages (ILCompiler and its linux-x64 runtime package), and the image's
        // restore may assume no registry. The host restores them first, for itself and for the platform the image
        // restores for (restore alone: nothing is generated yet), and the project's NuGet.config then names a feed
        // served from those packages, as a team's config names its own feed.
        DotNet.Run(directory, new[] { "restore" }.Concat(package.FeedArguments).ToArray()).EnsureSuccess("dotnet restore");
        DotNet.Run(directory, new[] { "restore", "-a", "amd64" }.Concat(package.FeedArguments).ToArray()).EnsureSuccess("dotnet restore -a amd64");
        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        feed.WriteOnlySourceConfig(directory);
        var build = package.Build(directory).EnsureSuccess("dotnet build of the sample (generates the Dockerfile)");
        Assert.DoesNotContain("warning DFG", build.Output);

        var dockerfilePath = Path.Combine(directory, "Dockerfile");
        var dockerfile = File.ReadAllText(dockerfilePath);
        // On the target platform: the AOT toolchain does not cross-compile, so no --platform=$BUILDPLATFORM.
        Assert.Contains($"\nFROM {SdkImage} AS build\n", dockerfile);
        Assert.Contains($"\nFROM {FinalImage} AS final\n", dockerfile);
        Assert.Contains("\"NuGet.config\"", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-aot:" + tag;
        try
        {
            var clock = Stopwatch.StartNew();
            ContainerEngine.BuildFromHeader(dockerfilePath, image);
            clock.Stop();

            // The image's own restore fetched the compiler's runtime package from the feed (a container's address).
            var fromBuild = feed.RequestsFromContainers(temp.Path);
            Assert.Contains(fromBuild, r => r.Path.EndsWith(".nupkg", StringComparison.Ordinal) && r.Path.Contains("runtime.linux-x64.microsoft.dotnet.ilcompiler", StringComparison.Ordinal));

            var run = ContainerEngine.Run(directory, "run", "--rm", image, "engine").EnsureSuccess("docker run");
            // Started as its own executable (not by a dotnet host), as the image's non-root user; that it is native
            // code and not an apphost is what the image's files show below.
            Assert.Contains("Hello, engine! Running /app/AotApp on linux-x64 as user app; dynamic code supported: False.", run.Output);
            Assert.Equal("1654", ContainerEngine.Run(directory, "image", "inspect", "--format", "{{.Config.User}}", image).EnsureSuccess("docker image inspect").Output.Trim());

            // The SBOM names what the native executable was compiled from, which no scanner finds in the file itself.
            var sbom = ImageSbom.Read(temp.Path, image).Document;
            Assert.Contains(ImageSbom.NuGetPackages(sbom), p => p.StartsWith("pkg:nuget/Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64@", StringComparison.Ordinal));

            var files = ContainerEngine.Files(temp.Path, image);
            var executable = files.SingleOrDefault(f => f.Path == "app/AotApp");
            Assert.True(executable is not null, "no app/AotApp in the image:\n" + string.Join('\n', files.Where(f => f.Path.StartsWith("app/", StringComparison.Ordinal)).Select(f => f.Path)));
            Assert.True(executable!.IsElf, "app/AotApp is not an ELF executable");
            Assert.True(executable.Mode.HasFlag(UnixFileMode.UserExecute), $"app/AotApp is not executable ({executable.Mode})");

            // No .NET host, no framework and no IL anywhere: the native executable is the whole app.
            Assert.Empty(files.Where(f => f.Type != TarEntryType.Directory && (f.Name == "dotnet" || f.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))).Select(f => f.Path));
            Assert.Empty(files.Where(f => f.Type != TarEntryType.Directory && f.Name.EndsWith(".dbg", StringComparison.OrdinalIgnoreCase)).Select(f => f.Path));
            Assert.Empty(files.Where(f => f.Name is "libcoreclr.so" or "libhostfxr.so" or "libclrjit.so" || f.Path.StartsWith("usr/share/dotnet", StringComparison.Ordinal)).Select(f => f.Path));

            var size = ContainerEngine.ImageSize(directory, image);
            var baseSize = ContainerEngine.ImageSize(directory, FinalImage);
            var runtimeSize = ContainerEngine.ImageSize(directory, FrameworkDependentBase);
            Assert.True(size < runtimeSize, $"the AOT image ({size} bytes) is not smaller than the chiseled runtime image alone ({runtimeSize} bytes)");
            var appFiles = files.Where(f => f.Path.StartsWith("app/", StringComparison.Ordinal) && f.Type != TarEntryType.Directory).ToList();
            Console.WriteLine(
                $"AotApp image: {size / 1e6:0.0} MB ({FinalImage} {baseSize / 1e6:0.0} MB + the app's {appFiles.Sum(f => f.Length) / 1e6:0.0} MB: " +
                string.Join(", ", appFiles.Select(f => $"{f.Name} {f.Length / 1e6:0.0} MB")) +
                $"); the chiseled runtime image alone is {runtimeSize / 1e6:0.0} MB. docker build {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }
}
