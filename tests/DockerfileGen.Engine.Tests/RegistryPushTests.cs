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
        var registry = TestRegistry.Address!;
        using var temp = new TempDirectory("dfg-engine");
        var directory = package.CopySample("WebApi", temp);
        var repository = "dfg-test/webapi-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var first = $"{registry}/{repository}:t1";
        var second = $"{registry}/{repository}:t2";

        try
        {
            var before = TestRegistry.Blobs();
            var firstPublish = Publish(directory, registry, repository, "t1");
            Assert.Matches($@"DockerfileGen: pushed {Regex.Escape(first)} \(\d+ layers? uploaded, \d+ already in {Regex.Escape(registry)}\)", firstPublish.Output);
            var afterFirst = TestRegistry.Blobs();

            var program = Path.Combine(directory, "Program.cs");
            // A new text every run: an edit the registry has seen before would find its layer there already.
            File.WriteAllText(program, File.ReadAllText(program).Replace("Hello from a DockerfileGen image", "Hello from edit " + Guid.NewGuid().ToString("N")));
            var secondPublish = Publish(directory, registry, repository, "t2");
            var afterSecond = TestRegistry.Blobs();

            // The layers the edit changed, as the engine knows them (uncompressed diff IDs), and as the registry holds
            // them (compressed blobs, named in the pushed manifests).
            var firstLayers = DiffIds(directory, first);
            var secondLayers = DiffIds(directory, second);
            var changed = secondLayers.Where(id => !firstLayers.Contains(id)).Distinct().ToList();
            Assert.NotEmpty(changed);
            Assert.Equal(firstLayers.Count, secondLayers.Count);
            var firstManifest = TestRegistry.Manifest(repository, "t1");
            var secondManifest = TestRegistry.Manifest(repository, "t2");
            var changedBlobs = secondManifest.Layers.Select(l => l.Digest).Where(d => !firstManifest.Layers.Any(l => l.Digest == d)).Distinct().ToList();
            Assert.Equal(changed.Count, changedBlobs.Count);

            // What the second push stored: exactly the changed layers, the new config and the new manifest.
            var received = afterSecond.Where(blob => !afterFirst.ContainsKey(blob.Key)).ToDictionary(blob => blob.Key, blob => blob.Value);
            Assert.Equal(
                changedBlobs.Append(secondManifest.ConfigDigest).Append(secondManifest.Digest).OrderBy(d => d, StringComparer.Ordinal),
                received.Keys.OrderBy(d => d, StringComparer.Ordinal));

            // And the log says so, from docker's own report of the push.
            var unchanged = secondManifest.Layers.Select(l => l.Digest).Distinct().Count() - changedBlobs.Count;
            Assert.Contains(
                $"DockerfileGen: pushed {second} ({(changed.Count == 1 ? "1 layer" : changed.Count + " layers")} uploaded, {unchanged} already in {registry})",
                secondPublish.Output);

            var layerBytes = changedBlobs.Sum(d => received[d]);
            var imageBytes = secondManifest.Layers.Sum(l => l.Size);
            var firstReceived = afterFirst.Where(blob => !before.ContainsKey(blob.Key)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WebApi push to {registry}: first push stored {firstReceived.Count} blobs ({firstReceived.Sum(b => b.Value):N0} bytes; layers the registry already had from earlier runs are not stored again); " +
                $"after a code edit, {changedBlobs.Count} of {secondManifest.Layers.Count} layers uploaded, {layerBytes:N0} of {imageBytes:N0} compressed layer bytes, " +
                $"{received.Count} blobs and {received.Values.Sum():N0} bytes in all with the config and the manifest"));
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", first, second);
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
        var repository = "dfg-test/webapi-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        try
        {
            var result = DotNet.Run(directory, PublishArguments(registry, repository, "t1"));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Matches($@"DockerfileGen: built image {Regex.Escape($"{registry}/{repository}:t1")}, \d+\.\d MB", result.Output);
            var error = result.Output.Split('\n').FirstOrDefault(line => line.Contains("error DFG0090", StringComparison.Ordinal));
            Assert.True(error is not null, "no DFG0090 in the publish output:\n" + result.Output);
            Assert.Contains($"Pushing {registry}/{repository}:t1 to the registry {registry} failed", error);
            Assert.Contains($"Nothing answers as a registry at {registry}", error);
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", $"{registry}/{repository}:t1");
        }
    }

    private ProcessResult Publish(string directory, string registry, string repository, string tag) =>
        DotNet.Run(directory, PublishArguments(registry, repository, tag)).EnsureSuccess($"dotnet publish -p:DockerfileGenBuildImage=true -p:ContainerRegistry={registry} (tag {tag})");

    private string[] PublishArguments(string registry, string repository, string tag) => new[]
    {
        "publish", "-nodeReuse:false", "-nologo",
        "-p:DockerfileGenBuildImage=true",
        $"-p:DockerfileGenContainerToolPath={ContainerEngine.Docker}",
        $"-p:ContainerRegistry={registry}",
        $"-p:ContainerRepository={repository}",
        $"-p:ContainerImageTag={tag}",
    }.Concat(package.FeedArguments).ToArray();

    private static List<string> DiffIds(string directory, string image) =>
        ContainerEngine.Run(directory, "image", "inspect", "--format", "{{range .RootFS.Layers}}{{println .}}{{end}}", image)
            .EnsureSuccess("docker image inspect " + image).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
