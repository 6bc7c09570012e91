using System.Text.RegularExpressions;
using DockerfileGen.Diagnostics;
using DockerfileGen.Ignore;
using DockerfileGen.ImageBuild;
using DockerfileGen.Model;
using DockerfileGen.Planning;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests;

public sealed class DockerfileGeneratorTests
{
    [Fact]
    public void WebApiOnNet10()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions());

        Assert.Empty(result.Diagnostics);
        Assert.Empty(FoundationChecks.Violations(result.Dockerfile!.Content));
        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final\n", result.Dockerfile.Content);
        Assert.Contains("\nEXPOSE 8080\n", result.Dockerfile.Content);
        Snapshot.Match(result.Dockerfile.Content, "Dockerfile");
    }

    [Fact]
    public void ConsoleOnNet8()
    {
        var result = DockerfileGenerator.Generate(Facts.Console(), new GenerationOptions());

        Assert.Empty(FoundationChecks.Violations(result.Dockerfile!.Content));
        Assert.Contains("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build", result.Dockerfile.Content);
        Assert.Contains("\nFROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra AS final\n", result.Dockerfile.Content);
        Assert.DoesNotContain("EXPOSE", result.Dockerfile.Content);
        Snapshot.Match(result.Dockerfile.Content, "Dockerfile");
    }

    [Theory]
    [InlineData("8.0", "8.0", "runtime:8.0-noble-chiseled-extra")]
    [InlineData("9.0", "9.0", "runtime:9.0-noble-chiseled-extra")]
    [InlineData("10.0", "10.0", "runtime:10.0-noble-chiseled-extra")]
    [InlineData("11.0", "11.0-preview", "runtime:11.0-preview-resolute-chiseled-extra")]
    public void TargetFrameworkDecidesTheTag(string version, string sdkTag, string image)
    {
        var content = DockerfileGenerator.Generate(Facts.Console(version), new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains($"/dotnet/sdk:{sdkTag} AS build", content);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/{image} AS final", content);
    }

    [Fact]
    public void WithoutAppHostTheEntrypointRunsTheDll()
    {
        var content = DockerfileGenerator.Generate(Facts.Console() with { UseAppHost = false }, new GenerationOptions()).Dockerfile!.Content;

        Assert.EndsWith("ENTRYPOINT [\"dotnet\", \"ConsoleApp.dll\"]\n", content);
        Assert.Empty(FoundationChecks.Violations(content));
    }

    [Fact]
    public void QuotesNamesTheShellWouldSplit()
    {
        var facts = Facts.Console() with { ProjectFile = "My App's.csproj", AssemblyName = "My App" };

        var content = DockerfileGenerator.Generate(facts, new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains("COPY [\"My App's.csproj\", \"./\"]", content);
        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore 'My App'\\''s.csproj' -a $TARGETARCH", content);
        Assert.Contains("ENTRYPOINT [\"./My App\"]", content);
        Assert.Contains("docker build -t my-app ", content);
    }

    [Fact]
    public void ConfigurationAndDockerfileNameAreUsed()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { Configuration = "Staging", DockerfileName = "Dockerfile.web" });

        Assert.Equal("Dockerfile.web", result.Dockerfile!.FileName);
        Assert.Equal("Dockerfile.web.dockerignore", result.IgnoreFile!.FileName);
        Assert.Contains("dotnet publish WebApi.csproj -c Staging -a $TARGETARCH ${APP_VERSION:+-p:Version=$APP_VERSION} -p:DockerfileGenInsideImage=true -p:CustomAfterMicrosoftCommonTargets=/src/Dockerfile.web.layers.targets -p:DockerfileGenSbomFile=/app/sbom/WebApi.cdx.json -p:DockerfileGenSbomBaseImage=mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra -o /app && ", result.Dockerfile.Content);
        Assert.Contains("docker build -t webapi -f Dockerfile.web --build-arg APP_VERSION=\"$(dotnet msbuild WebApi.csproj -getProperty:Version)\" --build-arg SOURCE_REVISION=\"$(git rev-parse HEAD)\" --build-arg SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\" .", result.Dockerfile.Content);
        Assert.EndsWith("Dockerfile.web\nDockerfile.web.dockerignore\n", result.IgnoreFile.Content);
    }

    [Fact]
    public void TheNuGetCacheMountCoversEveryStepThatRestoresAndCanBeTurnedOff()
    {
        var inputs = ImageModeTests.Inputs("web-test-stage");
        var tests = new GenerationOptions { TestProjects = new[] { "../../tests/Api.Tests/Api.Tests.csproj" } };
        var mounted = DockerfileGenerator.Generate(ApiFacts(), tests, inputs).Dockerfile!.Content.Split('\n');
        var plain = DockerfileGenerator.Generate(ApiFacts(), tests with { NuGetCacheMount = false }, inputs).Dockerfile!.Content.Split('\n');

        var restoring = new[] { "dotnet restore ", "dotnet publish ", "dotnet test " };
        Assert.Equal(4, mounted.Count(line => restoring.Any(line.Contains)));
        Assert.All(mounted.Where(line => restoring.Any(line.Contains)), line =>
        {
            Assert.Matches("^RUN " + Regex.Escape(DockerfilePlanner.NuGetCacheMount) + " (" + Regex.Escape(FoundationChecks.SourceTimesCommand) + ")?dotnet ", line);
            Assert.DoesNotContain("--no-restore", line);
        });
        Assert.DoesNotContain(plain, line => line.Contains("--mount=type=cache", StringComparison.Ordinal));
        Assert.Contains(plain, line => line.StartsWith("RUN " + FoundationChecks.SourceTimesCommand + "dotnet publish ", StringComparison.Ordinal) && line.Contains(" --no-restore -o /app && ", StringComparison.Ordinal));
        Assert.Contains(plain, line => line.StartsWith("RUN dotnet test ", StringComparison.Ordinal) && line.EndsWith(" --no-restore", StringComparison.Ordinal));
        Assert.Empty(FoundationChecks.Violations(string.Join("\n", mounted)));
        Assert.Empty(FoundationChecks.Violations(string.Join("\n", plain)));
    }

    [Theory]
    [InlineData("single-file")]
    [InlineData("native-aot")]
    public void ASingleFileOrNativeAotAppWithPackagesStaysOneLayerAndStillCarriesItsSbom(string mode)
    {
        var app = Facts.Console("10.0") with { PackageReferences = new[] { "Serilog", "Npgsql" } };
        var facts = mode == "single-file" ? app with { PublishSingleFile = true, SelfContained = true } : app with { PublishAot = true, InvariantGlobalization = true };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.True(result.Succeeded);
        var content = result.Dockerfile!.Content;
        // The publish bundles the packages into the one file: nothing to set apart, so one COPY and no layer folder.
        Assert.Single(content.Split('\n'), line => line.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        Assert.Contains("\nCOPY --from=build /layers/app/ /\n", content);
        Assert.DoesNotContain("Layer=", content);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "DFG0092");
        // The SBOM is what a scanner has of such an app: the layers targets file still comes, for it alone.
        Assert.Contains("dockerfilegen.sbom=", content);
        Assert.NotNull(result.LayersTargets);
        Assert.Empty(FoundationChecks.Violations(content));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("/usr/share/dotnet/sdk/10.0.401/v17.0/Custom.After.Microsoft.Common.targets", true)]
    [InlineData("C:\\Program Files\\dotnet\\sdk\\10.0.401\\v17.0\\Custom.After.Microsoft.Common.targets", true)]
    [InlineData("/repo/build/after.targets", false)]
    public void AProjectThatImportsItsOwnCustomAfterTargetsKeepsOneLayerWithoutAnSbomAndIsTold(string customAfterTargets, bool layered)
    {
        var facts = Facts.WebApi() with { PackageReferences = new[] { "Serilog" }, CustomAfterMicrosoftCommonTargets = customAfterTargets };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(layered, result.Dockerfile!.Content.Contains("COPY --from=build /layers/packages/ /\n", StringComparison.Ordinal));
        Assert.Equal(layered, result.LayersTargets is not null);
        Assert.Equal(layered, result.Dockerfile.Content.Contains("dockerfilegen.sbom=", StringComparison.Ordinal));
        var notices = result.Diagnostics.Where(d => d.Code == "DFG0092").ToList();
        if (layered)
        {
            Assert.Empty(notices);
        }
        else
        {
            var notice = Assert.Single(notices);
            Assert.Equal(DiagnosticSeverity.Info, notice.Severity);
            Assert.Contains(customAfterTargets, notice.Message);
        }

        Assert.Equal(layered ? 0 : 1, DockerfileGenerator.Generate(facts, new GenerationOptions { Layers = false }).Diagnostics.Count(d => d.Code == "DFG0092"));
        Assert.DoesNotContain(DockerfileGenerator.Generate(facts, new GenerationOptions { Layers = false, Sbom = false }).Diagnostics, d => d.Code == "DFG0092");
    }

    [Fact]
    public void IgnoreFileForTheDefaultDockerfile()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions());

        Assert.Equal(".dockerignore", result.IgnoreFile!.FileName);
        Snapshot.Match(result.IgnoreFile.Content, "dockerignore");
    }

    [Theory]
    [InlineData("WebApi.csproj", false)]
    [InlineData("Program.cs", false)]
    [InlineData("Controllers/HomeController.cs", false)]
    [InlineData("appsettings.json", false)]
    [InlineData("wwwroot/css/site.css", false)]
    [InlineData("Properties/launchSettings.json", false)]
    [InlineData("bin/Debug/net10.0/WebApi.dll", true)]
    [InlineData("obj/project.assets.json", true)]
    [InlineData("src/obj/x.cs", true)]
    [InlineData(".git/HEAD", true)]
    [InlineData(".vs/config", true)]
    [InlineData(".vscode/launch.json", true)]
    [InlineData(".idea/workspace.xml", true)]
    [InlineData("WebApi.csproj.user", true)]
    [InlineData(".env", true)]
    [InlineData(".env.local", true)]
    [InlineData("certs/dev.pfx", true)]
    [InlineData("server.key", true)]
    [InlineData("tls/server.pem", true)]
    [InlineData("Dockerfile", true)]
    [InlineData("Dockerfile.layers.targets", false)]
    [InlineData(".dockerignore", true)]
    public void IgnoreFileKeepsOutWhatTheBuildDoesNotRead(string path, bool excluded)
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions());

        Assert.Equal(excluded, DockerIgnoreMatcher.Parse(result.IgnoreFile!.Content).IsExcluded(path));
    }

    [Fact]
    public void IgnoreFileNeverExcludesWhatTheDockerfileCopies()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions());
        var matcher = DockerIgnoreMatcher.Parse(result.IgnoreFile!.Content);

        // The restore layer copies the project file by name; COPY . . copies the project's own files.
        Assert.False(matcher.IsExcluded("WebApi.csproj"));
        Assert.Contains("COPY [\"WebApi.csproj\", \"./\"]", result.Dockerfile!.Content);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var first = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions());
        var second = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions());

        Assert.Equal(first.Dockerfile, second.Dockerfile);
        Assert.Equal(first.IgnoreFile, second.IgnoreFile);
    }

    private static ProjectFacts ApiFacts() => Facts.WebApi() with { ProjectFile = "Api.csproj", AssemblyName = "Api" };

    [Fact]
    public void MultiProjectRepository()
    {
        var result = DockerfileGenerator.Generate(ApiFacts(), new GenerationOptions(), BuildContextPlannerTests.Repository());

        Assert.Equal("Dockerfile.dockerignore", result.IgnoreFile!.FileName);
        Assert.Empty(FoundationChecks.Violations(result.Dockerfile!.Content));
        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore src/Api/Api.csproj -a $TARGETARCH --locked-mode\n", result.Dockerfile.Content);
        Assert.Contains(" -p:RestoreLockedMode=true -o /app && ", result.Dockerfile.Content);
        Assert.Contains("docker build -t api -f src/Api/Dockerfile --build-arg APP_VERSION=\"$(dotnet msbuild src/Api/Api.csproj -getProperty:Version)\" ", result.Dockerfile.Content);
        Snapshot.Match(result.Dockerfile.Content, "Dockerfile");
        Snapshot.Match(result.IgnoreFile.Content, "dockerignore", "ignore");
    }

    [Fact]
    public void CredentialedNuGetConfigIsMountedForRestoreOnly()
    {
        var inputs = BuildContextPlannerTests.Repository(i => i with { CredentialedNuGetConfigs = new[] { "/repo/NuGet.config" } });

        var result = DockerfileGenerator.Generate(ApiFacts(), new GenerationOptions(), inputs);

        var content = result.Dockerfile!.Content;
        // No NuGet cache mount beside credentials: publish restores nothing and mounts no secret (DFG0093 says why).
        Assert.Contains("RUN --mount=type=secret,id=nuget_config,target=/src/NuGet.config dotnet restore ", content);
        Assert.Contains(" --no-restore -o /app && ", content);
        Assert.DoesNotContain("--mount=type=cache", content);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(result.Diagnostics, d => d.Code == "DFG0093").Severity);
        Assert.Contains("--secret id=nuget_config,src=NuGet.config", content);
        Assert.DoesNotContain("\"NuGet.config\"", content);
        Assert.Single(content.Split('\n'), line => line.Contains("id=nuget_config,target", StringComparison.Ordinal));
        Assert.True(DockerIgnoreMatcher.Parse(result.IgnoreFile!.Content).IsExcluded("NuGet.config"));
        Assert.Empty(FoundationChecks.Violations(content));
    }

    [Fact]
    public void ApplicationBelowAReferencedProjectCopiesTheWholeContext()
    {
        var inputs = new BuildInputs
        {
            AppProject = "/repo/app/App.csproj",
            Projects = new[] { "/repo/app/App.csproj", "/repo/Lib.csproj" },
        };

        var result = DockerfileGenerator.Generate(ApiFacts(), new GenerationOptions(), inputs);

        var content = result.Dockerfile!.Content;
        Assert.Contains("\nCOPY . .\n", content);
        Assert.DoesNotContain("\"/\"", content);
        Assert.Contains("COPY [\"Lib.csproj\", \"./\"]", content);
        Assert.Equal("Dockerfile.dockerignore", result.IgnoreFile!.FileName);
        Assert.DoesNotContain("\n*\n", result.IgnoreFile.Content);
        Assert.False(DockerIgnoreMatcher.Parse(result.IgnoreFile.Content).IsExcluded("app/Program.cs"));
        Assert.True(DockerIgnoreMatcher.Parse(result.IgnoreFile.Content).IsExcluded("app/Dockerfile"));
        Assert.Empty(FoundationChecks.Violations(content));
    }

    [Fact]
    public void AllowlistLetsInExactlyWhatTheDockerfileCopies()
    {
        var result = DockerfileGenerator.Generate(ApiFacts(), new GenerationOptions(), BuildContextPlannerTests.Repository());
        var matcher = DockerIgnoreMatcher.Parse(result.IgnoreFile!.Content);
        var sources = result.Dockerfile!.Content.Split('\n')
            .Where(line => line.StartsWith("COPY [", StringComparison.Ordinal))
            .SelectMany(FoundationChecks.CopySources)
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.False(matcher.IsExcluded(source.TrimEnd('/') + (source.EndsWith('/') ? "/Program.cs" : "")), source));
        Assert.True(matcher.IsExcluded("README.md"));
        Assert.True(matcher.IsExcluded("docs/guide.md"));
        Assert.True(matcher.IsExcluded("tests/Api.Tests/Api.Tests.csproj"));
        Assert.True(matcher.IsExcluded("src/Api/bin/Release/net10.0/Api.dll"));
        Assert.True(matcher.IsExcluded("src/Domain/obj/project.assets.json"));
        Assert.True(matcher.IsExcluded("src/Api/Dockerfile"));
        Assert.True(matcher.IsExcluded("src/Api/appsettings.Development.json.user"));
        Assert.True(matcher.IsExcluded("build/other.props"));
    }

    public static TheoryData<string, ProjectFacts, GenerationOptions> BadInputs() => new()
    {
        { "DFG0003", Facts.Console() with { TargetFrameworkVersion = "v5.0", TargetFramework = "net5.0" }, new GenerationOptions() },
        { "DFG0003", Facts.Console() with { TargetFrameworkVersion = "v3.1", TargetFramework = "netcoreapp3.1" }, new GenerationOptions() },
        { "DFG0003", Facts.Console() with { TargetFrameworkIdentifier = ".NETFramework", TargetFrameworkVersion = "v4.8", TargetFramework = "net48" }, new GenerationOptions() },
        { "DFG0003", Facts.Console() with { TargetFrameworkIdentifier = ".NETStandard", TargetFrameworkVersion = "v2.0", TargetFramework = "netstandard2.0" }, new GenerationOptions() },
        { "DFG0003", Facts.Console() with { TargetFrameworkVersion = "" }, new GenerationOptions() },
        { "DFG0005", Facts.Console(), new GenerationOptions { Configuration = "Release; rm -rf /" } },
        { "DFG0005", Facts.Console(), new GenerationOptions { Configuration = "" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "docker/Dockerfile" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = ".." } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "Program.cs" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "ConsoleApp.csproj" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = ".dockerignore" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "Dockerfile.dockerignore" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "Dockerfile.cs" } },
        { "DFG0006", Facts.Console(), new GenerationOptions { DockerfileName = "docker-compose.yml" } },
        { "DFG0005", Facts.Console(), new GenerationOptions { Configuration = "--no-restore" } },
        { "DFG0007", Facts.Console() with { OutputType = "Library" }, new GenerationOptions() },
        { "DFG0009", Facts.Console() with { AssemblyName = "App\nRUN evil" }, new GenerationOptions() },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputIsACodedErrorAndWritesNothing(string code, ProjectFacts facts, GenerationOptions options)
    {
        var result = DockerfileGenerator.Generate(facts, options);

        Assert.False(result.Succeeded);
        Assert.Null(result.Dockerfile);
        Assert.Null(result.IgnoreFile);
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void EveryDiagnosticCodeIsUnique()
    {
        var codes = typeof(DiagnosticCatalog).GetMethods()
            .Where(m => m.IsStatic && m.ReturnType == typeof(Diagnostic))
            .Select(m => (Diagnostic)m.Invoke(null, m.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)"x" : new[] { "x" }).ToArray())!)
            .Select(d => d.Code)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^DFG0[0-9]{3}$", code));
    }

    [Fact]
    public void AMultiLineDescriptionBecomesOneLabelLine()
    {
        var content = DockerfileGenerator.Generate(Facts.WebApi() with { Metadata = new ProjectMetadata { Description = "Payments API.\n  Settles   cards." } }, new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains("org.opencontainers.image.description=\"Payments API. Settles cards.\" \\\n", content);
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("Dockerfile.web")]
    [InlineData("web.Dockerfile")]
    [InlineData("api.dockerfile")]
    [InlineData("Containerfile")]
    [InlineData("Dockerfile.production")]
    public void ADockerfileNameIsAccepted(string name)
    {
        Assert.True(DockerfileGenerator.IsDockerfileName(name));
        Assert.True(DockerfileGenerator.Generate(Facts.Console(), new GenerationOptions { DockerfileName = name }).Succeeded);
    }

    [Fact]
    public void CommandLinePropertiesReachTheImagesRestoreAndPublish()
    {
        var facts = Facts.Console("10.0") with { PublishAot = true, InvariantGlobalization = true };
        var options = new GenerationOptions
        {
            CommandLineProperties = new[] { new NamedValue("PublishAot", "true"), new NamedValue("Configuration", "Debug"), new NamedValue("InvariantGlobalization", "true") },
        };

        var content = DockerfileGenerator.Generate(facts, options).Dockerfile!.Content;

        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore ConsoleApp.csproj -a $TARGETARCH -p:InvariantGlobalization=true -p:PublishAot=true\n", content);
        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages " + FoundationChecks.SourceTimesCommand + "dotnet publish ConsoleApp.csproj -c Release -a $TARGETARCH -p:InvariantGlobalization=true -p:PublishAot=true ${APP_VERSION:+-p:Version=$APP_VERSION} ", content);
        Assert.DoesNotContain("-p:Configuration", content);
        Assert.Empty(FoundationChecks.Violations(content));
    }

    [Fact]
    public void ACommandLinePropertyThatCannotBeWrittenIsAWarning()
    {
        var options = new GenerationOptions { CommandLineProperties = new[] { new NamedValue("DockerfileGenHealthCheckPath", "/a\nRUN evil") } };

        var result = DockerfileGenerator.Generate(Facts.WebApi(), options);

        Assert.Equal("DFG0045", Assert.Single(result.Diagnostics).Code);
        Assert.DoesNotContain("evil", result.Dockerfile!.Content);
    }

    [Fact]
    public void TheAppsLayerTakesTheCommitsTimeInThePublishStepOrAfterTheUsersOwnSteps()
    {
        var plain = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions()).Dockerfile!.Content;
        var afterPublish = new InjectedInstruction("license", "RUN cp /src/LICENSE /app/", "build", InjectionPoints.AfterPublish);
        var injected = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { Instructions = new[] { afterPublish } }).Dockerfile!.Content;

        const string appLayer = "mkdir -p /layers/app && cp -al /app /layers/app/app && find /layers/app -exec touch -d \"@${SOURCE_DATE_EPOCH:-946684800}\" {} + && chmod -R u=rwX,go=rX /layers";
        Assert.Contains(" -o /app && " + appLayer + "\n", plain);
        Assert.Contains("\nCOPY --from=build /layers/app/ /\n", plain);
        Assert.DoesNotContain("COPY --from=build /app", plain);
        // The user's step may change the publish output: the layer is laid out after it.
        Assert.Contains(" -o /app\nRUN cp /src/LICENSE /app/\nRUN " + appLayer + "\n", injected);
        Assert.Empty(FoundationChecks.Violations(injected));
    }

    [Fact]
    public void APinnedBaseImageNamesItsDigestInALabel()
    {
        const string digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        var pinned = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { BaseImageDigest = digest }).Dockerfile!.Content;
        var unpinned = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains($"org.opencontainers.image.base.name=\"mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra@{digest}\"", pinned);
        Assert.Contains($"org.opencontainers.image.base.digest=\"{digest}\"", pinned);
        Assert.DoesNotContain("base.digest", unpinned);
    }

    [Fact]
    public void TheVersionIsABuildArgumentNeverText()
    {
        var content = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains("org.opencontainers.image.version=\"${APP_VERSION}\"", content);
        Assert.Contains("\nARG SOURCE_DATE_EPOCH\nARG APP_VERSION\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages " + FoundationChecks.SourceTimesCommand + "dotnet publish ", content);
        Assert.Contains("--build-arg SOURCE_REVISION=\"$(git rev-parse HEAD)\"", content);
    }

    [Fact]
    public void TheHeaderTagsTheImageAsTheImageBuildDoes()
    {
        var options = new GenerationOptions { ImageRepository = "registry.example.com/team/payments", ImageTags = new[] { "stable", "2024" } };

        var content = DockerfileGenerator.Generate(Facts.WebApi(), options).Dockerfile!.Content;

        Assert.Contains("docker build -t registry.example.com/team/payments:stable -t registry.example.com/team/payments:2024 -f Dockerfile ", content);
        Assert.Contains("docker run --rm -p 8080:8080 registry.example.com/team/payments:stable\n", content);
    }

    [Fact]
    public void AnInvalidRepositoryForTheHeaderIsACodedError()
    {
        var result = DockerfileGenerator.Generate(Facts.WebApi(), new GenerationOptions { ImageRepository = "Not Valid" });

        Assert.False(result.Succeeded);
        Assert.Equal("DFG0054", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void TheSdksDefaultAuthorsIsNoAuthorAndTheDescriptionIsAlwaysSet()
    {
        var facts = Facts.WebApi() with { Metadata = new ProjectMetadata { Authors = "WebApi" } };

        var content = DockerfileGenerator.Generate(facts, new GenerationOptions()).Dockerfile!.Content;

        Assert.DoesNotContain("org.opencontainers.image.authors", content);
        Assert.Contains("org.opencontainers.image.description=\"\"", content);
    }

    [Fact]
    public void AMessageIsOneLineWhateverTheValue()
    {
        var diagnostic = DiagnosticCatalog.InvalidConfiguration("Release\nRUN evil\r\u0007");

        Assert.Equal("DockerfileGenConfiguration is 'Release\\nRUN evil\\r\\u0007', which is not a valid build configuration name.", diagnostic.Message.Substring(0, diagnostic.Message.IndexOf(" Use", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("DFG9999", false)]
    [InlineData("DFG4004", false)]
    [InlineData("DFG2001", true)]
    public void OnlyTheValidatorsRulesAreRuleIds(string id, bool rule) =>
        Assert.Equal(rule, DockerfileGen.Validation.ValidationOptions.IsRuleId(id));

    public static TheoryData<string, string, string, string> PortSources() => new()
    {
        { "ASPNETCORE_URLS", "http://+:7070", "EXPOSE 7070", "-p 7070:7070" },
        { "ASPNETCORE_URLS", "http://*:7070;https://+:7443", "EXPOSE 7070 7443", "-p 7070:7070" },
        { "ASPNETCORE_HTTP_PORTS", "5000;5001", "EXPOSE 5000 5001", "-p 5000:5000" },
        { "ASPNETCORE_HTTPS_PORTS", "8443", "EXPOSE 8080 8443", "-p 8080:8080" },
    };

    [Theory]
    [MemberData(nameof(PortSources))]
    public void ExposeFollowsWhereTheAppListens(string variable, string value, string expose, string run)
    {
        var facts = Facts.WebApi() with { Container = new ContainerSettings { EnvironmentVariables = new[] { new NamedValue(variable, value) } } };

        var content = DockerfileGenerator.Generate(facts, new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains("\n" + expose + "\n", content);
        Assert.Contains("docker run --rm " + run + " webapi", content);
        Assert.Single(content.Split('\n'), line => line.StartsWith("ENV ASPNETCORE_", StringComparison.Ordinal));
    }

    [Fact]
    public void AnImageThatSetsNoPortIsToldTheAppsPort()
    {
        var facts = Facts.WebApi() with { SelfContained = true, Container = new ContainerSettings { BaseImage = "debian:12-slim" } };

        var content = DockerfileGenerator.Generate(facts, new GenerationOptions()).Dockerfile!.Content;

        Assert.Contains("\nENV ASPNETCORE_HTTP_PORTS=\"8080\"\nEXPOSE 8080\n", content);
    }

    [Fact]
    public void TheIgnoreFileKeepsWhatTheProjectShipsAndSaysSo()
    {
        var facts = Facts.WebApi() with { ShippedFiles = new[] { "certs/corp-root-ca.crt", ".env.production", "Keys/signing.pem", "appsettings.json", "wwwroot/site.css", "obj/Debug/net10.0/apphost" } };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions());

        var matcher = DockerfileGen.Ignore.DockerIgnoreMatcher.Parse(result.IgnoreFile!.Content);
        Assert.All(facts.ShippedFiles.Where(file => !file.StartsWith("obj/", StringComparison.Ordinal)), file => Assert.False(matcher.IsExcluded(file), file));
        Assert.True(matcher.IsExcluded("obj/Debug/net10.0/apphost"), "the image's build makes its own build output");
        Assert.True(matcher.IsExcluded(".env"), "what the project does not ship stays out");
        Assert.True(matcher.IsExcluded("certs/other.key"));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "DFG0048");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith(".env.production, Keys/signing.pem, certs/corp-root-ca.crt are published by the project", warning.Message);
        Assert.DoesNotContain("appsettings.json", warning.Message);
    }

    [Fact]
    public void ACredentialedNuGetConfigStaysOutThoughTheProjectPublishesIt()
    {
        var inputs = new BuildInputs
        {
            AppProject = "/repo/WebApi/WebApi.csproj",
            Projects = new[] { "/repo/WebApi/WebApi.csproj" },
            CredentialedNuGetConfigs = new[] { "/repo/WebApi/NuGet.config" },
        };
        var facts = Facts.WebApi() with { ShippedFiles = new[] { "NuGet.config", "certs/ca.crt" } };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions(), inputs);

        var matcher = DockerfileGen.Ignore.DockerIgnoreMatcher.Parse(result.IgnoreFile!.Content);
        Assert.True(matcher.IsExcluded("NuGet.config"), result.IgnoreFile.Content);
        Assert.False(matcher.IsExcluded("certs/ca.crt"));
        Assert.DoesNotContain("NuGet.config", Assert.Single(result.Diagnostics, d => d.Code == "DFG0048").Message);
    }

    [Fact]
    public void AShippedFileOfAWiderContextIsKeptByItsContextPath()
    {
        var facts = ApiFacts() with { ShippedFiles = new[] { "certs/ca.crt", "../../shared/ca.pem", "../../../outside.pem" } };

        var result = DockerfileGenerator.Generate(facts, new GenerationOptions(), BuildContextPlannerTests.Repository());

        Assert.Contains("\n!src/Api/certs/ca.crt\n", result.IgnoreFile!.Content);
        Assert.DoesNotContain("outside.pem", result.IgnoreFile.Content);
        var matcher = DockerfileGen.Ignore.DockerIgnoreMatcher.Parse(result.IgnoreFile.Content);
        Assert.False(matcher.IsExcluded("src/Api/certs/ca.crt"));
    }
}
