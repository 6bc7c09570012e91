using System.Text.Json;
using DockerfileGen.Core.Tests.Oracles;
using DockerfileGen.Model;
using DockerfileGen.ImageBuild;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// One generated Dockerfile per deployment mode and image flavor: each is a snapshot, keeps the foundation's
/// contract, passes our own validator and draws no finding from the third-party linters.
/// </summary>
public sealed class ImageModeTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static readonly IReadOnlyDictionary<string, (ProjectFacts Facts, GenerationOptions Options)> Modes =
        new Dictionary<string, (ProjectFacts, GenerationOptions)>
        {
            ["web-default"] = (Facts.WebApi(), new GenerationOptions()),
            ["web-alpine"] = (Facts.WebApi() with { Container = new ContainerSettings { Family = "alpine" } }, new GenerationOptions()),
            ["web-alpine-musl-rid"] = (Facts.WebApi() with { Container = new ContainerSettings { RuntimeIdentifiers = new[] { "linux-musl-x64", "linux-musl-arm64" } } }, new GenerationOptions()),
            ["web-chiseled-extra"] = (Facts.WebApi() with { Container = new ContainerSettings { Family = "noble-chiseled" } }, new GenerationOptions()),
            ["web-chiseled-invariant"] = (Facts.WebApi() with { InvariantGlobalization = true, Container = new ContainerSettings { Family = "noble-chiseled" } }, new GenerationOptions()),
            ["web-composite"] = (Facts.WebApi() with { InvariantGlobalization = true, Container = new ContainerSettings { Family = "noble-chiseled-composite" } }, new GenerationOptions()),
            ["console-self-contained-trimmed"] = (Facts.Console("10.0") with { SelfContained = true, PublishTrimmed = true }, new GenerationOptions()),
            ["console-aot"] = (Facts.Console("10.0") with { PublishAot = true, InvariantGlobalization = true }, new GenerationOptions()),
            ["web-aot-net8"] = (Facts.WebApi("8.0") with { PublishAot = true, InvariantGlobalization = true, SdkVersion = "8.0.400" }, new GenerationOptions()),
            ["console-aot-alpine"] = (Facts.Console("10.0") with { PublishAot = true, Container = new ContainerSettings { RuntimeIdentifiers = new[] { "linux-musl-x64" } } }, new GenerationOptions()),
            ["console-single-file"] = (Facts.Console("10.0") with { PublishSingleFile = true, SelfContained = true }, new GenerationOptions()),
            ["web-ready-to-run"] = (Facts.WebApi() with { PublishReadyToRun = true }, new GenerationOptions()),
            // Packages in a layer of their own, copied into the parent of a working directory below the app user's home.
            ["web-layered"] = (Facts.WebApi() with
            {
                PackageReferences = new[] { "Serilog.AspNetCore", "Serilog" },
                Container = new ContainerSettings { WorkingDirectory = "/home/app/api" },
            }, new GenerationOptions()),
            // The .NET runtime, then packages, ReadyToRun-compiled.
            ["console-self-contained-layered"] = (Facts.Console("10.0") with { SelfContained = true, PublishReadyToRun = true, PackageReferences = new[] { "Npgsql" } }, new GenerationOptions()),
            ["web-one-layer"] = (Facts.WebApi() with { PackageReferences = new[] { "Serilog" } }, new GenerationOptions { Layers = false }),
            ["web-net8"] = (Facts.WebApi("8.0"), new GenerationOptions()),
            ["web-net6"] = (Facts.WebApi("6.0"), new GenerationOptions()),
            ["console-net7-alpine"] = (Facts.Console("7.0") with { Container = new ContainerSettings { Family = "alpine" } }, new GenerationOptions()),
            ["web-os-packages"] = (Facts.WebApi(), new GenerationOptions { OsPackages = new[] { new OsPackage("libgdiplus", ""), new OsPackage("tzdata", "final"), new OsPackage("git", "build") } }),
            ["web-alpine-os-packages"] = (Facts.WebApi() with { Container = new ContainerSettings { Family = "alpine" } }, new GenerationOptions { OsPackages = new[] { new OsPackage("tzdata", "") } }),
            ["web-custom-registry"] = (Facts.WebApi(), new GenerationOptions { ImageRegistry = "registry.example.com/mirror", BaseImageDigest = Digest, SdkImageDigest = Digest }),
            ["web-container-settings"] = (Facts.WebApi() with
            {
                Container = new ContainerSettings
                {
                    Ports = new[] { new ContainerPortSpec("5000", ""), new ContainerPortSpec("5001", "udp") },
                    EnvironmentVariables = new[] { new NamedValue("TZ", "Europe/Paris"), new NamedValue("Greeting", "say \"hi\" for $5") },
                    Labels = new[] { new NamedValue("com.example.team", "payments") },
                    WorkingDirectory = "/srv/app",
                    AppCommandArgs = new[] { "--urls-from-env" },
                    DefaultArgs = new[] { "--verbose" },
                },
                Metadata = new ProjectMetadata { Description = "Payments API", Authors = "Example Team", RepositoryUrl = "https://example.com/payments.git", License = "MIT" },
            }, new GenerationOptions()),
            ["web-knobs"] = (Facts.WebApi() with { Container = new ContainerSettings { Family = "alpine" } }, new GenerationOptions
            {
                SdkImage = "registry.example.com/golden/dotnet/sdk:10.0-hardened",
                BuildArgs = new[] { new BuildArgument("BUILD_NUMBER", "") { Default = "0" } },
                Instructions = new[]
                {
                    new InjectedInstruction("tools", "RUN dotnet tool restore", "build", "AfterRestore"),
                    new InjectedInstruction("data", "RUN mkdir /data && chown 1654 /data", "final", "BeforeUser"),
                    new InjectedInstruction("volume", "VOLUME /data", "final", "End"),
                },
                HealthCheck = "wget",
                HealthCheckPath = "/health",
            }),
            ["web-health-probe"] = (Facts.WebApi() with { Container = new ContainerSettings { Family = "noble-chiseled" } }, new GenerationOptions { HealthCheck = "probe" }),
            ["web-test-stage"] = (Facts.WebApi() with { ProjectFile = "Api.csproj", AssemblyName = "Api" }, new GenerationOptions
            {
                TestProjects = new[] { "../../tests/Api.Tests/Api.Tests.csproj" },
                Instructions = new[] { new InjectedInstruction("report", "RUN dotnet --info", "test", "Start") },
            }),
        };

    /// <summary>The build inputs of a mode, where its context is more than the project folder.</summary>
    public static BuildInputs? Inputs(string mode) => mode != "web-test-stage" ? null : new BuildInputs
    {
        AppProject = "/repo/src/Api/Api.csproj",
        Projects = new[] { "/repo/src/Api/Api.csproj", "/repo/src/Domain/Domain.csproj" },
        BuildFiles = new[] { "/repo/Directory.Build.props", "/repo/tests/Directory.Build.props" },
        TestProjects = new[] { "/repo/tests/Api.Tests/Api.Tests.csproj" },
        TestClosure = new[] { "/repo/tests/Api.Tests/Api.Tests.csproj", "/repo/tests/TestKit/TestKit.csproj", "/repo/src/Api/Api.csproj", "/repo/src/Domain/Domain.csproj" },
    };

    public static TheoryData<string> ModeNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Modes.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModeNames))]
    public void EveryModeIsASnapshotThatKeepsTheContract(string mode)
    {
        var (facts, options) = Modes[mode];
        var result = DockerfileGenerator.Generate(facts, options, Inputs(mode));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Code + " " + d.Message)));
        Assert.Empty(FoundationChecks.Violations(result.Dockerfile!.Content));
        var findings = DockerfileGen.Validation.DockerfileValidator.Validate(result.Dockerfile.Content).Findings;
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} line {f.Line}: {f.Message}")));
        Snapshot.Match(result.Dockerfile.Content, "Dockerfile", mode);
    }

    [SkippableFact]
    [Trait("Category", "oracle")]
    public void NoModeDrawsAFindingFromTheThirdPartyLinters()
    {
        OracleResults.SkipIfUnavailable();
        using var temp = new TempDirectory();
        var problems = new List<string>();
        Parallel.ForEach(Modes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, mode =>
        {
            var result = DockerfileGenerator.Generate(mode.Value.Facts, mode.Value.Options, Inputs(mode.Key));
            var directory = Path.Combine(temp.Path, mode.Key);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Dockerfile"), result.Dockerfile!.Content);
            File.WriteAllText(Path.Combine(directory, result.IgnoreFile!.FileName), result.IgnoreFile.Content);
            var report = DockerfileOracles.Lint(directory);
            foreach (var finding in report.GetProperty("findings").EnumerateArray())
            {
                var tool = finding.GetProperty("tool").GetString()!;
                var rule = finding.GetProperty("rule").GetString()!;
                if ((finding.TryGetProperty("noise", out var noise) && noise.ValueKind == JsonValueKind.String) || KnownFalsePositives.Contains((tool, rule)))
                {
                    continue;
                }

                lock (problems)
                {
                    problems.Add($"{mode.Key}: {tool} {rule} line {finding.GetProperty("line")}: {finding.GetProperty("message").GetString()}");
                }
            }
        });

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Linter findings that are wrong about these Dockerfiles, each with the reason (docs/architecture.md lists them too).
    /// </summary>
    public static readonly HashSet<(string Tool, string Rule)> KnownFalsePositives = new()
    {
        // A console app serves no port: there is nothing to EXPOSE.
        ("dockerfile_lint", "EXPOSE"),

        // Debian's and Ubuntu's images clean apt's package cache after every install (apt.conf.d/docker-clean); the
        // generated RUN also removes the package lists in the same layer, which is what the rule is after.
        ("dockerfile_lint", "no_apt-get_clean"),
    };
}
