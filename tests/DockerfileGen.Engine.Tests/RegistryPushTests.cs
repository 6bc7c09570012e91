using System.Globalization;
using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/WebApi published with <c>ContainerRegistry</c> set: the image build pushes every tag to a real registry on
/// the loopback address, and the registry's blob store shows what each push moved.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class RegistryPushTests
{
    private readonly PackedPackage package;

    public RegistryPushTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void ThePushAfterACodeEditUploadsOnlyTheLayersTheEditChanged()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        Skip.If(TestRegistry.WhyUnavailable is not null, TestRegistry.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var registry = TestRegistry.Address!;

        var push = PushTwiceAroundAnEdit(temp, "docker", ContainerEngine.Docker, new Dictionary<string, string>(),
            (directory, image) => ContainerEngine.Run(directory, DiffIdArguments(image)));

        // docker reports each layer as pushed or already there: the log's count is the registry's.
        Assert.Contains(
            $"DockerfileGen: pushed {push.Second} ({Layers(push.Changed)} uploaded, {push.Unchanged} already in {registry})",
            push.SecondOutput);
        Console.WriteLine(push.Summary("docker"));
    }

    [SkippableFact]
    public void PodmanPushesTooAndTheEditMovesOnlyTheChangedLayers()
    {
        Skip.If(PodmanImageTests.WhyUnavailable is not null, PodmanImageTests.WhyUnavailable);
        Skip.If(TestRegistry.WhyUnavailable is not null, TestRegistry.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var registry = TestRegistry.Address!;
        // Podman speaks plain HTTP only to a registry its registries.conf marks insecure (loopback included); this
        // file, for these publishes only, marks the test registry so.
        var registries = Path.Combine(temp.Path, "registries.conf");
        File.WriteAllText(registries, $"[[registry]]\nlocation = \"{registry}\"\ninsecure = true\n");
        var danglingBefore = PodmanImageTests.Dangling(temp.Path);

        try
        {
            var push = PushTwiceAroundAnEdit(temp, "podman", PodmanImageTests.Podman, new Dictionary<string, string> { ["CONTAINERS_REGISTRIES_CONF"] = registries },
                (directory, image) => PodmanImageTests.Run(directory, DiffIdArguments(image)));

            Assert.Contains(
                $"DockerfileGen: pushed {push.Second} ({Layers(push.Changed + push.Unchanged)}; podman does not say which of them {registry} already had)",
                push.SecondOutput);
            Console.WriteLine(push.Summary("podman"));
        }
        finally
        {
            foreach (var id in PodmanImageTests.Dangling(temp.Path).Except(danglingBefore))
            {
                PodmanImageTests.Run(temp.Path, "rmi", id);
            }
        }
    }

    [SkippableFact]
    public void AnUnreachableRegistryFailsThePublishWithDFG0090NamingIt()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        // Port 1 on the loopback address: nothing listens there, so the engine's connection is refused at once.
        const string registry = "127.0.0.1:1";
        var image = $"{registry}/dfg-test/webapi-{Guid.NewGuid().ToString("N").Substring(0, 8)}:t1";

        try
        {
            var result = Publish(directory, "docker", ContainerEngine.Docker, new Dictionary<string, string>(), image);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Matches($@"DockerfileGen: built image {Regex.Escape(image)}, \d+\.\d MB", result.Output);
            var error = result.Output.Split('\n').FirstOrDefault(line => line.Contains("error DFG0090", StringComparison.Ordinal));
            Assert.True(error is not null, "no DFG0090 in the publish output:\n" + result.Output);
            Assert.Contains($"Pushing {image} to the registry {registry} failed", error);
            Assert.Contains($"Nothing answers as a registry at {registry}", error);
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    /// <summary>
    /// Publishes samples/WebApi to the test registry as <c>t1</c>, edits Program.cs, publishes <c>t2</c>, and checks
    /// what the registry stored for the second push against what the edit changed: exactly the layers whose diff ID
    /// changed, plus the new config and manifest, whatever the Dockerfile's layering.
    /// </summary>
    private PushedTwice PushTwiceAroundAnEdit(TempDirectory temp, string tool, string toolPath, Dictionary<string, string> environment, Func<string, string, ProcessResult> diffIds)
    {
        var registry = TestRegistry.Address!;
        var directory = package.CopySample("WebApi", temp);
        var repository = $"dfg-test/webapi-{tool}-{Guid.NewGuid().ToString("N").Substring(0, 8)}";
        var first = $"{registry}/{repository}:t1";
        var second = $"{registry}/{repository}:t2";
        var remove = (string image) => ProcessRunner.Run(toolPath, new[] { "rmi", "-f", image }, temp.Path, TimeSpan.FromMinutes(2));

        try
        {
            var before = TestRegistry.Blobs();
            var firstOutput = Publish(directory, tool, toolPath, environment, first).EnsureSuccess($"dotnet publish with {tool} to {registry} (t1)").Output;
            Assert.Contains($"DockerfileGen: pushed {first} (", firstOutput);
            var afterFirst = TestRegistry.Blobs();

            var program = Path.Combine(directory, "Program.cs");
            // A new text every run: an edit the registry has seen before would find its layer there already.
            File.WriteAllText(program, File.ReadAllText(program).Replace("Hello from a DockerfileGen image", "Hello from edit " + Guid.NewGuid().ToString("N")));
            var secondOutput = Publish(directory, tool, toolPath, environment, second).EnsureSuccess($"dotnet publish with {tool} to {registry} (t2)").Output;
            var afterSecond = TestRegistry.Blobs();

            // The layers the edit changed, as the engine knows them (uncompressed diff IDs) and as the registry holds
            // them (compressed blobs, named in the pushed manifests).
            var firstLayers = Lines(diffIds(directory, first).EnsureSuccess("the diff IDs of " + first).Output);
            var secondLayers = Lines(diffIds(directory, second).EnsureSuccess("the diff IDs of " + second).Output);
            Assert.Equal(firstLayers.Count, secondLayers.Count);
            var changed = secondLayers.Where(id => !firstLayers.Contains(id)).Distinct().Count();
            Assert.True(changed > 0, "the edit changed no layer of the image");
            var firstManifest = TestRegistry.Manifest(repository, "t1");
            var secondManifest = TestRegistry.Manifest(repository, "t2");
            var secondBlobs = secondManifest.Layers.Select(l => l.Digest).Distinct().ToList();
            var changedBlobs = secondBlobs.Where(d => !firstManifest.Layers.Any(l => l.Digest == d)).ToList();
            Assert.Equal(changed, changedBlobs.Count);

            // What the second push stored: exactly the changed layers, the new config and the new manifest.
            var received = afterSecond.Where(blob => !afterFirst.ContainsKey(blob.Key)).ToDictionary(blob => blob.Key, blob => blob.Value);
            Assert.Equal(
                changedBlobs.Append(secondManifest.ConfigDigest).Append(secondManifest.Digest).OrderBy(d => d, StringComparer.Ordinal),
                received.Keys.OrderBy(d => d, StringComparer.Ordinal));

            // And in bytes: the registry stored each changed layer at the size the manifest gives it, and a code edit's
            // layers are a small part of the image (the app's own files; the base image and any package layer stay).
            var uploaded = changedBlobs.Sum(d => received[d]);
            Assert.Equal(changedBlobs.Sum(d => secondManifest.Layers.First(l => l.Digest == d).Size), uploaded);
            var total = secondManifest.Layers.Sum(l => l.Size);
            Assert.True(uploaded * 100 < total, $"a code edit uploaded {uploaded} of {total} compressed layer bytes");

            var firstReceived = afterFirst.Where(blob => !before.ContainsKey(blob.Key)).ToList();
            return new PushedTwice(
                second,
                secondOutput,
                changedBlobs.Count,
                secondBlobs.Count - changedBlobs.Count,
                string.Create(CultureInfo.InvariantCulture,
                    $"first push stored {firstReceived.Count} blobs ({firstReceived.Sum(b => b.Value):N0} bytes; layers the registry already had from earlier runs are not stored again); " +
                    $"after a code edit, {changedBlobs.Count} of {secondBlobs.Count} layers uploaded, {changedBlobs.Sum(d => received[d]):N0} of {secondManifest.Layers.Sum(l => l.Size):N0} compressed layer bytes, " +
                    $"{received.Count} blobs and {received.Values.Sum():N0} bytes in all with the config and the manifest"));
        }
        finally
        {
            remove(first);
            remove(second);
        }
    }

    private ProcessResult Publish(string directory, string tool, string toolPath, Dictionary<string, string> environment, string image)
    {
        var (repository, tag) = (image.Substring(0, image.LastIndexOf(':')), image.Substring(image.LastIndexOf(':') + 1));
        var registry = repository.Substring(0, repository.IndexOf('/'));
        return ProcessRunner.Run(
            "dotnet",
            new[]
            {
                "publish", "-nodeReuse:false", "-nologo",
                "-p:DockerfileGenBuildImage=true",
                $"-p:DockerfileGenContainerTool={tool}",
                $"-p:DockerfileGenContainerToolPath={toolPath}",
                $"-p:ContainerRegistry={registry}",
                $"-p:ContainerRepository={repository.Substring(registry.Length + 1)}",
                $"-p:ContainerImageTag={tag}",
            }.Concat(package.FeedArguments),
            directory,
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string>(environment)
            {
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                ["MSBUILDTERMINALLOGGER"] = "off",
                ["DOTNET_NOLOGO"] = "1",
            });
    }

    private static string[] DiffIdArguments(string image) => new[] { "image", "inspect", "--format", "{{range .RootFS.Layers}}{{println .}}{{end}}", image };

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Layers(int count) => count == 1 ? "1 layer" : count + " layers";

    /// <summary>What the second of two pushes around a code edit moved.</summary>
    private sealed record PushedTwice(string Second, string SecondOutput, int Changed, int Unchanged, string Measured)
    {
        public string Summary(string tool) => $"WebApi pushed with {tool} to {TestRegistry.Address}: {Measured}";
    }
}
