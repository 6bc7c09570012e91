using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// A project whose NuGet.config stores the password of its private feed: the image restores through that config,
/// mounted as a BuildKit secret for the restore step only, and the password is in no layer, no config and no
/// history entry of the image, nor of its build stage.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class PrivateFeedSecretTests
{
    private const string PrivatePackage = "Contoso.Private.Marker";

    private readonly PackedPackage package;

    public PrivateFeedSecretTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void RestoreReadsTheCredentialedConfigAsASecretThatReachesNoLayerConfigOrHistory()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");
        var directory = package.CopySample("WebApi", temp);
        var password = "dfg-secret-" + Guid.NewGuid().ToString("N");
        const string user = "ci";

        // The feed answers 401 to every request without the password, and holds a package no other source has:
        // a restore that gets the package read the password from this project's NuGet.config.
        using var feed = new StaticNuGetFeed(gateway!, user, password);
        feed.Add(PrivatePackage, "1.0.0", WritePackage(temp.Path, PrivatePackage, "1.0.0"));
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="private" value="{feed.IndexUrl}" allowInsecureConnections="true" />
              </packageSources>
              <packageSourceCredentials>
                <private>
                  <add key="Username" value="{user}" />
                  <add key="ClearTextPassword" value="{password}" />
                </private>
              </packageSourceCredentials>
            </configuration>
            """);
        // BuildKit's cache key of a RUN does not include a secret's content: with the project file of an earlier run,
        // the restore step would come from the cache and prove nothing about this run. A per-run comment keeps it out.
        var project = Path.Combine(directory, "WebApi.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>", $"  <ItemGroup>\n    <PackageReference Include=\"{PrivatePackage}\" Version=\"1.0.0\" />\n  </ItemGroup>\n  <!-- run {Guid.NewGuid():N} -->\n</Project>"));

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-secret:" + tag;
        var buildStage = "dfg-test-secret:" + tag + "-build";
        try
        {
            var publish = DotNet.Run(
                    directory,
                    new[]
                    {
                        "publish", "-nodeReuse:false", "-nologo",
                        "-p:DockerfileGenBuildImage=true",
                        $"-p:DockerfileGenContainerToolPath={ContainerEngine.Docker}",
                        "-p:ContainerRepository=dfg-test-secret",
                        $"-p:ContainerImageTag={tag}",
                    }.Concat(package.FeedArguments).ToArray())
                .EnsureSuccess("dotnet publish -p:DockerfileGenBuildImage=true");
            Assert.Contains($"DockerfileGen: built image {image}", publish.Output);

            // The config is mounted for the restore step, and kept out of the build context. No NuGet cache mount beside
            // it (DFG0093): publish would restore again with the secret, where the Web SDK publishes *.config files.
            var dockerfile = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
            Assert.Contains("RUN --mount=type=secret,id=nuget_config,target=/src/NuGet.config dotnet restore WebApi.csproj", dockerfile);
            Assert.DoesNotContain("--mount=type=cache", dockerfile);
            Assert.DoesNotContain("\"NuGet.config\"", dockerfile);
            Assert.DoesNotContain(password, dockerfile);
            Assert.True(Regex.IsMatch(publish.Output, @"#\d+ \[build\s+\d+/\d+\] RUN --mount=type=secret,id=nuget_config,target=/src/NuGet.config dotnet restore"), "no restore step with the secret in the image build:\n" + publish.Output);

            // The restore inside the build (a container's address, not the host's) sent the password and got the package.
            var fromBuild = feed.RequestsFromContainers(directory);
            Assert.Contains(fromBuild, r => r.Authorized && r.Path.EndsWith($"{PrivatePackage.ToLowerInvariant()}.1.0.0.nupkg", StringComparison.Ordinal));
            Assert.DoesNotContain(feed.Requests, r => r.SentCredentials && !r.Authorized);

            // The build stage as an image too (every step comes from the cache of the publish's build), built with
            // the header's own docker build arguments: it is where a leaked config would sit.
            var header = DockerfileHeader.Read(Path.Combine(directory, "Dockerfile"));
            Assert.Contains("id=nuget_config,src=NuGet.config", header.BuildArguments);
            ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(10), new[] { "build", "--progress=plain", "--target", "build" }.Concat(header.WithTag(buildStage)).ToArray())
                .EnsureSuccess("docker build --target build with the header's secret arguments");
            ContainerEngine.Run(directory, "run", "--rm", "--entrypoint", "sh", buildStage, "-c", "test ! -e /src/NuGet.config && test -s /src/obj/project.assets.json")
                .EnsureSuccess("the build stage has the restore's output and no NuGet.config");

            // Without the secret the same restore fails: nothing else in the build gives it the feed or the password.
            // (No cache: BuildKit's cache key of a RUN does not include the secret's content.)
            var withoutSecret = ContainerEngine.Run(
                header.ContextDirectory,
                TimeSpan.FromMinutes(10),
                new[] { "build", "--progress=plain", "--no-cache", "--target", "build" }.Concat(WithoutSecret(header.WithTag(buildStage + "-nosecret"))).ToArray());
            Assert.NotEqual(0, withoutSecret.ExitCode);
            Assert.Contains(PrivatePackage, withoutSecret.Output);

            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            foreach (var name in new[] { image, buildStage })
            {
                var archive = Path.Combine(temp.Path, name.Replace(':', '-') + ".tar");
                ContainerEngine.Run(directory, "save", "-o", archive, name).EnsureSuccess("docker save " + name);
                var scanned = ScanImageArchive(archive, password, basic, out var hits);
                Assert.True(hits.Count == 0, $"{name}: the password is in {string.Join(", ", hits)}");
                Assert.True(scanned.Layers > 0 && scanned.Configs > 0, $"{name}: the archive held {scanned.Layers} layers and {scanned.Configs} configs");

                var history = ContainerEngine.Run(directory, "history", "--no-trunc", name).EnsureSuccess("docker history " + name).Output;
                if (name == buildStage)
                {
                    Assert.Contains("dotnet restore", history);
                }

                Assert.DoesNotContain(password, history);
                Assert.DoesNotContain(basic, history);
                var inspect = ContainerEngine.Run(directory, "image", "inspect", name).EnsureSuccess("docker image inspect " + name).Output;
                Assert.DoesNotContain(password, inspect);
            }
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", image, buildStage, buildStage + "-nosecret");
        }
    }

    private static string[] WithoutSecret(string[] arguments)
    {
        var index = Array.IndexOf(arguments, "--secret");
        Assert.True(index >= 0, "no --secret in " + string.Join(' ', arguments));
        return arguments.Take(index).Concat(arguments.Skip(index + 2)).ToArray();
    }

    [Fact]
    public void TheScanFindsAMarkerInsideALayer()
    {
        // The scan above must be able to fail: an archive laid out as docker save writes it, the marker in a layer's file.
        using var temp = new TempDirectory("dfg-engine");
        var layer = new MemoryStream();
        using (var writer = new TarWriter(layer, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "root/.nuget/NuGet/NuGet.Config") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("<add key=\"ClearTextPassword\" value=\"marker-1234\" />")) });
        }

        layer.Position = 0;
        var archive = Path.Combine(temp.Path, "image.tar");
        using (var file = File.Create(archive))
        using (var writer = new TarWriter(file))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "abc/layer.tar") { DataStream = layer });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "abc.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("{\"history\":[]}")) });
        }

        var scanned = ScanImageArchive(archive, "marker-1234", "bWFya2Vy", out var hits);
        Assert.Equal(new[] { "abc/layer.tar: root/.nuget/NuGet/NuGet.Config" }, hits);
        Assert.Equal((1, 1), scanned);
    }

    /// <summary>
    /// Looks for <paramref name="marker"/> (and its Basic-authentication form) in every file of every layer of a
    /// <c>docker save</c> archive, inside zip files (a .nupkg) and gzip files too, and in the image config, manifest
    /// and history JSON.
    /// </summary>
    private static (int Layers, int Configs) ScanImageArchive(string archive, string marker, string basic, out List<string> hits)
    {
        var found = new List<string>();
        int layers = 0, configs = 0;
        using var stream = File.OpenRead(archive);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
            {
                continue;
            }

            var bytes = ReadAll(entry.DataStream);
            if (entry.Name.EndsWith("layer.tar", StringComparison.Ordinal))
            {
                layers++;
                using var layerReader = new TarReader(new MemoryStream(bytes));
                while (layerReader.GetNextEntry() is { } file)
                {
                    if (file.DataStream is not null && Contains(ReadAll(file.DataStream), marker, basic))
                    {
                        found.Add($"{entry.Name}: {file.Name}");
                    }
                }
            }
            else
            {
                configs += entry.Name.EndsWith(".json", StringComparison.Ordinal) ? 1 : 0;
                if (Contains(bytes, marker, basic))
                {
                    found.Add(entry.Name);
                }
            }
        }

        hits = found;
        return (layers, configs);
    }

    private static bool Contains(byte[] content, string marker, string basic)
    {
        if (Has(content, marker) || Has(content, basic))
        {
            return true;
        }

        // Compressed files would hide the marker from a byte search.
        if (content.Length > 4 && content[0] == 'P' && content[1] == 'K')
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content));
                return zip.Entries.Any(e => Contains(ReadAll(e.Open()), marker, basic));
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }

        if (content.Length > 2 && content[0] == 0x1f && content[1] == 0x8b)
        {
            try
            {
                return Contains(ReadAll(new GZipStream(new MemoryStream(content), CompressionMode.Decompress)), marker, basic);
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }

        return false;
    }

    private static bool Has(byte[] content, string text) =>
        content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>A minimal package (a nuspec and an empty lib folder for net10.0), written as pack writes one.</summary>
    private static string WritePackage(string folder, string id, string version)
    {
        var path = Path.Combine(folder, $"{id}.{version}.nupkg");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            nuspec.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>Contoso</authors>
                    <description>Only the private feed has it.</description>
                  </metadata>
                </package>
                """);
        }

        zip.CreateEntry("lib/net10.0/_._");
        return path;
    }
}
