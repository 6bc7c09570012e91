using System.Net;
using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>One repository of the corpus: its folder under Corpus/, what public repositories it is shaped like, what it proves.</summary>
/// <param name="Name">The folder under Corpus/.</param>
/// <param name="ShapedLike">The kind of public repository it is modelled on.</param>
/// <param name="Proves">What building its image proves.</param>
/// <param name="App">The application project's folder, relative to the repository.</param>
/// <param name="Expected">What the running app prints (or serves on /).</param>
public sealed record CorpusRepository(string Name, string ShapedLike, string Proves, string App, string Expected)
{
    /// <summary>A web app: probed over HTTP instead of read from its output.</summary>
    public bool Web { get; init; }

    /// <summary>The version comes from git: the image is built by <c>dotnet publish -p:DockerfileGenBuildImage=true</c>.</summary>
    public bool GitVersioned { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Repositories shaped like public .NET repositories, each generated, built on the container engine from the folder the
/// Dockerfile's header names, and started. The table below is the list of what each one proves.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "engine")]
public sealed class RepositoryCorpusTests
{
    public static readonly CorpusRepository[] Corpus =
    {
        new("MultiTargetedLibrary", "libraries that multi-target with per-framework dependencies (Polly, Serilog sinks)",
            "references are followed per framework: net10.0 flows to a net8.0;net10.0 library by the nearest-framework rule, its net10.0-only reference is copied, its net8.0-only one gives restore its project file only; SetTargetFramework is honoured; a Debug-only reference stays out of the Release image",
            "src/App", "corpus: modern compat-net8.0"),
        new("MultiTargetedApp", "tools and services that ship for two LTS frameworks",
            "a multi-targeted application publishes DockerfileGenTargetFramework (net8.0) with -f, from the sdk:10.0 image that restores both frameworks, onto runtime:8.0-noble-chiseled-extra",
            "src/Tool", "corpus: .NET 8.0"),
        new("VendoredFeed", "repositories that keep packages in the repository (a folder feed in NuGet.config)",
            "the folder feed is copied before restore and let through the ignore file; package source mapping keeps sending Contoso.* to it",
            "src/App", "corpus: vendored greeting"),
        new("CleanArchitecture", "clean-architecture templates (src/ and tests/, several Directory.Build.props levels, central package management)",
            "Directory.Build.props imported through GetPathOfFileAbove, Directory.Packages.props with a GlobalPackageReference, lock files without a Linux runtime (locked-mode check, then the runtime's assets), tests/ left out of the context",
            "src/Web", "corpus: clean architecture") { Web = true },
        new("MinVerVersioned", "repositories versioned by git tags with MinVer",
            "the image's app carries the host's Version, InformationalVersion and assembly versions from MinVer without .git in the context",
            "src/App", "corpus: minver") { GitVersioned = true },
        new("NbgvVersioned", "repositories versioned by Nerdbank.GitVersioning (version.json + git height)",
            "the image's app carries the host's versions from Nerdbank.GitVersioning without .git in the context",
            "src/App", "corpus: nbgv") { GitVersioned = true },
        new("MSBuildSdkFromGlobalJson", "repositories whose global.json names MSBuild project SDKs (Microsoft.Build.NoTargets, Traversal)",
            "global.json reaches the restore layer, so the image's build resolves the project SDK it names",
            "src/App", "corpus: notargets"),
        new("SymlinkedShared", "repositories that share a source folder through a symbolic link",
            "a relative symbolic link out of the project folder is copied with the folder it leads to, so it resolves in the image",
            "src/App", "corpus: linked"),
    };

    private readonly PackedPackage package;

    public RepositoryCorpusTests(PackedPackage package) => this.package = package;

    public static TheoryData<CorpusRepository> Repositories()
    {
        var data = new TheoryData<CorpusRepository>();
        foreach (var repository in Corpus)
        {
            data.Add(repository);
        }

        return data;
    }

    [Fact]
    public void EveryFixtureFolderIsInTheTableAndTheArchitecturePageListsTheTable()
    {
        var folders = Directory.GetDirectories(CorpusFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Corpus.Select(r => r.Name).Order(StringComparer.Ordinal), folders);
        Assert.True(Corpus.Length >= 8);
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
        foreach (var repository in Corpus)
        {
            Assert.Contains($"| {repository.Name} | {repository.ShapedLike} | {repository.Proves} |", page);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Repositories))]
    public void TheGeneratedDockerfileBuildsAndTheContainerStarts(CorpusRepository repository)
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        var missing = ContainerEngine.WhyUnavailableWith(
            "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra", "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra", "mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra");
        Skip.If(missing is not null, missing);
        using var temp = new TempDirectory("dfg-corpus");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");

        var root = temp.CopyFrom(Path.Combine(CorpusFolder, repository.Name), "repo");
        var app = Path.Combine(root, repository.App);
        var config = Path.Combine(root, "NuGet.config");
        var configTemplate = File.ReadAllText(config);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("{{DOCKERFILEGEN_VERSION}}", package.Version, StringComparison.Ordinal));
        }

        // The first build restores from this machine's own source; the image build reaches no registry, so the repository's
        // NuGet.config then names a feed served from the packages that restore fetched, as a team's config names its feed.
        File.WriteAllText(config, configTemplate.Replace("{{PUBLIC_SOURCE}}", MachineSource(), StringComparison.Ordinal));
        Prepare(repository, root);
        package.Build(app).EnsureSuccess("the first dotnet build of " + repository.Name);

        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        AddProjectSdks(feed, root);
        File.WriteAllText(config, configTemplate.Replace("{{PUBLIC_SOURCE}}", feed.IndexUrl, StringComparison.Ordinal));
        var build = package.Build(app).EnsureSuccess("dotnet build of " + repository.Name + " with the feed");
        var warnings = build.Output.Split('\n').Where(line => Regex.IsMatch(line, @"warning DFG(?!0013)")).Distinct().ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));

        var dockerfile = Path.Combine(app, "Dockerfile");
        var text = File.ReadAllText(dockerfile);
        Assert.Empty(FoundationChecks.Violations(text));
        AssertShape(repository, text, File.ReadAllText(dockerfile + ".dockerignore"));

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-corpus:" + repository.Name.ToLowerInvariant() + "-" + tag;
        var container = "dfg-test-corpus-" + tag;
        try
        {
            if (repository.GitVersioned)
            {
                // dotnet publish builds the image and passes the versions the host computed as build arguments.
                DotNet.Run(app, new[]
                {
                    "publish", "-nodeReuse:false", "-nologo", "-c", "Release", "-p:DockerfileGenBuildImage=true",
                    $"-p:DockerfileGenContainerToolPath={ContainerEngine.Docker}", "-p:ContainerRepository=dfg-test-corpus",
                    $"-p:ContainerImageTag={repository.Name.ToLowerInvariant()}-{tag}",
                }.Concat(package.FeedArguments).ToArray()).EnsureSuccess("dotnet publish -p:DockerfileGenBuildImage=true of " + repository.Name);
            }
            else
            {
                ContainerEngine.BuildFromHeader(dockerfile, image);
            }

            if (repository.Web)
            {
                ContainerEngine.Run(root, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run");
                var port = ContainerEngine.Run(root, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];
                var response = HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60));
                Assert.Equal(HttpStatusCode.OK, response.Status);
                Assert.Equal(repository.Expected, response.Body);
                return;
            }

            var output = ContainerEngine.Run(root, "run", "--rm", "--name", container, image).EnsureSuccess("docker run of " + repository.Name).Output;
            Assert.Contains(repository.Expected, output);
            if (repository.GitVersioned)
            {
                // The same versions as the app the host built (the informational version up to its build metadata).
                var host = DotNet.Run(app, "run", "-c", "Release", "--no-build").EnsureSuccess("the host's build of the app").Output;
                var hostVersion = Regex.Match(host, "version: ([^|]*)\\|([^|]*)\\|(.*)");
                var imageVersion = Regex.Match(output, "version: ([^|]*)\\|([^|]*)\\|(.*)");
                Assert.True(hostVersion.Success && imageVersion.Success, host + "\n" + output);
                Assert.Equal(hostVersion.Groups[1].Value.Split('+')[0], imageVersion.Groups[1].Value.Split('+')[0]);
                Assert.Equal(hostVersion.Groups[2].Value, imageVersion.Groups[2].Value);
                Assert.Equal(hostVersion.Groups[3].Value.Trim(), imageVersion.Groups[3].Value.Trim());
                Assert.Equal(hostVersion.Groups[1].Value.Trim(), imageVersion.Groups[1].Value.Trim());
                Assert.Matches(repository.Name == "MinVerVersioned" ? @"^2\.3\.4" : @"^3\.1\.", imageVersion.Groups[1].Value);
            }
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", container);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    private static string CorpusFolder => Path.Combine(RepoPaths.Root, "tests", "DockerfileGen.Engine.Tests", "Corpus");

    // What each shape must have made of the Dockerfile and the ignore file.
    private static void AssertShape(CorpusRepository repository, string dockerfile, string ignore)
    {
        switch (repository.Name)
        {
            case "MultiTargetedLibrary":
                Assert.Contains("\"src/Legacy/Legacy.csproj\"", dockerfile);
                Assert.DoesNotContain("COPY [\"src/Legacy/\"", dockerfile);
                Assert.Contains("COPY [\"src/Modern/\", \"src/Modern/\"]", dockerfile);
                Assert.DoesNotContain("DevTools", dockerfile + ignore);
                break;
            case "MultiTargetedApp":
                Assert.Contains("/dotnet/sdk:10.0 AS build", dockerfile);
                Assert.Contains("/dotnet/runtime:8.0-noble-chiseled-extra AS final", dockerfile);
                Assert.Contains(" -f net8.0 ", dockerfile);
                break;
            case "VendoredFeed":
                Assert.Contains("COPY [\".packages/\", \".packages/\"]", dockerfile);
                Assert.Contains("\n!.packages\n", ignore);
                Assert.DoesNotContain("vendor", dockerfile + ignore);
                break;
            case "CleanArchitecture":
                Assert.Contains("--locked-mode && dotnet restore src/Web/Web.csproj -a $TARGETARCH -p:RestoreLockedMode=false", dockerfile);
                Assert.Contains("\"src/Directory.Build.props\"", dockerfile);
                Assert.DoesNotContain("tests/", dockerfile + ignore);
                break;
            case "MinVerVersioned":
            case "NbgvVersioned":
                Assert.Contains("\nARG APP_VERSION\n", dockerfile);
                Assert.DoesNotContain(".git\n!", ignore);
                if (repository.Name == "NbgvVersioned")
                {
                    Assert.Contains("\"version.json\"", dockerfile);
                }

                break;
            case "MSBuildSdkFromGlobalJson":
                Assert.Contains("\"global.json\"", dockerfile);
                break;
            case "SymlinkedShared":
                Assert.Contains("COPY [\"shared/Common/\", \"shared/Common/\"]", dockerfile);
                break;
        }
    }

    // What each repository keeps that a checkout has and the fixture folder cannot: git history, a packed vendored
    // package, a symbolic link.
    private void Prepare(CorpusRepository repository, string root)
    {
        switch (repository.Name)
        {
            case "VendoredFeed":
                var packages = Path.Combine(root, ".packages");
                DotNet.Run(root, "pack", "vendor/Contoso.Greeting", "-c", "Release", "-o", packages, "-nodeReuse:false", "-nologo").EnsureSuccess("packing the vendored package");
                File.Copy(package.NupkgPath, Path.Combine(packages, Path.GetFileName(package.NupkgPath)));
                Directory.Delete(Path.Combine(root, "vendor", "Contoso.Greeting", "bin"), true);
                Directory.Delete(Path.Combine(root, "vendor", "Contoso.Greeting", "obj"), true);
                break;
            case "MinVerVersioned":
                Git(root, "init", "-q", "-b", "main");
                Git(root, "add", "-A");
                Git(root, "commit", "-q", "-m", "First");
                Git(root, "tag", "2.3.4");
                break;
            case "NbgvVersioned":
                Git(root, "init", "-q", "-b", "main");
                Git(root, "add", "-A");
                Git(root, "commit", "-q", "-m", "First");
                Git(root, "commit", "-q", "--allow-empty", "-m", "Second");
                break;
            case "SymlinkedShared":
                File.CreateSymbolicLink(Path.Combine(root, "src", "App", "Shared"), "../../shared/Common");
                break;
        }
    }

    private static void Git(string directory, params string[] arguments) =>
        ProcessRunner.Run("git", new[] { "-c", "user.name=Corpus", "-c", "user.email=corpus@example.com" }.Concat(arguments), directory, TimeSpan.FromMinutes(1))
            .EnsureSuccess("git " + string.Join(' ', arguments));

    // Project SDKs global.json names are resolved into NuGet's global packages folder, not the restore's: serve them too.
    private void AddProjectSdks(StaticNuGetFeed feed, string root)
    {
        var globalJson = Path.Combine(root, "global.json");
        if (!File.Exists(globalJson))
        {
            return;
        }

        foreach (Match sdk in Regex.Matches(File.ReadAllText(globalJson), "\"([A-Za-z0-9.]+)\"\\s*:\\s*\"([0-9][^\"]*)\""))
        {
            var id = sdk.Groups[1].Value.ToLowerInvariant();
            var version = sdk.Groups[2].Value;
            var folders = new[] { package.PackagesFolder, Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? "", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages") };
            var nupkg = folders.Where(f => f.Length > 0).Select(f => Path.Combine(f, id, version, $"{id}.{version}.nupkg")).FirstOrDefault(File.Exists);
            Assert.True(nupkg is not null, $"the project SDK {id} {version} was not restored on this machine");
            feed.Add(id, version, nupkg!);
        }
    }

    // The first enabled package source of this machine's NuGet configuration (never written into the repository).
    private static string MachineSource()
    {
        var list = DotNet.Run(Path.GetTempPath(), "nuget", "list", "source", "--format", "short").EnsureSuccess("dotnet nuget list source");
        var source = list.Output.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("E ", StringComparison.Ordinal));
        Assert.True(source is not null, "this machine's NuGet configuration names no enabled package source:\n" + list.Output);
        return source!.Substring(2).Trim();
    }
}
