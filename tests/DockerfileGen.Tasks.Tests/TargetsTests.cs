using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

[Trait("Category", "build")]
[Collection(DotNetBuildCollection.Name)]
public sealed class TargetsTests
{
    private const string Console10 = "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>";
    private const string GenerateSkipped = "Skipping target \"_DockerfileGenGenerate\" because all output files are up-to-date";

    [Fact]
    public void BuildWritesTheFilesAndANoOpBuildSkipsGeneration()
    {
        using var project = new TempProject(Console10);

        var first = project.Build().EnsureSuccess("first build");
        Assert.Contains("DockerfileGen: wrote Dockerfile and .dockerignore in ", first.Output);
        Assert.Empty(FoundationChecks.Violations(File.ReadAllText(project.Dockerfile)));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra AS final", File.ReadAllText(project.Dockerfile));
        var dockerfileTime = File.GetLastWriteTimeUtc(project.Dockerfile);
        var ignoreTime = File.GetLastWriteTimeUtc(project.IgnoreFile);

        var second = project.Build("-v:d").EnsureSuccess("second build");

        Assert.Contains(GenerateSkipped, second.Output);
        Assert.DoesNotContain("DockerfileGen: wrote", second.Output);
        Assert.Equal(dockerfileTime, File.GetLastWriteTimeUtc(project.Dockerfile));
        Assert.Equal(ignoreTime, File.GetLastWriteTimeUtc(project.IgnoreFile));
    }

    [Fact]
    public void ChangedPropertyOrFrameworkRegenerates()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("first build");

        project.Build("-p:DockerfileGenConfiguration=Staging").EnsureSuccess("build with a new configuration");
        Assert.Contains("-c Staging ", File.ReadAllText(project.Dockerfile));

        project.Build("-p:DockerfileGenImagePolicy=sdk").EnsureSuccess("build with the SDK's image policy");
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:10.0 AS final", File.ReadAllText(project.Dockerfile));

        project.WriteProject("<OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework>");
        project.Build().EnsureSuccess("build after retargeting");
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra AS final", File.ReadAllText(project.Dockerfile));
    }

    [Fact]
    public void ChangedPackageTargetsRerunGeneration()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("first build");

        File.SetLastWriteTimeUtc(project.PackageTargets, DateTime.UtcNow.AddSeconds(5));
        var rebuilt = project.Build("-v:d").EnsureSuccess("build after the package's targets changed");

        Assert.DoesNotContain(GenerateSkipped, rebuilt.Output);
        Assert.Contains("Target \"_DockerfileGenGenerate\"", rebuilt.Output);
    }

    [Fact]
    public void ARestoreThatChangedThePackagesRerunsGeneration()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("first build");
        var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), "restore wrote no assets file");

        File.SetLastWriteTimeUtc(assets, DateTime.UtcNow.AddSeconds(5));
        var rebuilt = project.Build("-v:d").EnsureSuccess("build after the assets file changed");

        Assert.DoesNotContain(GenerateSkipped, rebuilt.Output);
        Assert.Contains("Target \"_DockerfileGenGenerate\"", rebuilt.Output);
    }

    [Fact]
    public void DeletedDockerfileComesBack()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("first build");

        File.Delete(project.Dockerfile);
        project.Build().EnsureSuccess("build after deleting the Dockerfile");

        Assert.True(File.Exists(project.Dockerfile));
    }

    [Fact]
    public void HandEditIsReportedOnTheNextBuildAndKept()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("first build");
        var edited = File.ReadAllText(project.Dockerfile) + "LABEL mine=true\n";
        File.WriteAllText(project.Dockerfile, edited);

        var result = project.Build().EnsureSuccess("build after the edit");

        Assert.Contains("warning DFG0002", result.Output);
        Assert.Equal(edited, File.ReadAllText(project.Dockerfile));

        // The file no longer follows the project: every build says so until the user chooses.
        var again = project.Build().EnsureSuccess("next build");
        Assert.Contains("warning DFG0002", again.Output);

        // Taking it over: no marker, DockerfileGenGenerate=false. Silent about ownership, still linted.
        File.WriteAllText(project.Dockerfile, string.Join("\n", edited.Split('\n').Skip(1)).Replace("WORKDIR /app", "WORKDIR app"));
        var owned = project.Build("-p:DockerfileGenGenerate=false").EnsureSuccess("build of the taken-over file");
        Assert.DoesNotContain("DFG0001", owned.Output);
        Assert.DoesNotContain("DFG0002", owned.Output);
        Assert.Contains("warning DFG1006", owned.Output);
    }

    [Theory]
    [InlineData("<OutputType>Library</OutputType><TargetFramework>net10.0</TargetFramework>", "")]
    [InlineData(Console10 + "<IsTestProject>true</IsTestProject>", "")]
    [InlineData(Console10 + "<DockerfileGenEnabled>false</DockerfileGenEnabled>", "")]
    [InlineData(Console10, "-p:DesignTimeBuild=true")]
    public void SkipsWhatIsNotAnApplicationBuild(string properties, string argument)
    {
        using var project = new TempProject(properties);

        project.Build(argument.Length == 0 ? Array.Empty<string>() : new[] { argument }).EnsureSuccess("build");

        Assert.False(File.Exists(project.Dockerfile));
        Assert.False(File.Exists(project.IgnoreFile));
    }

    [Fact]
    public void ForcingALibraryIsACodedError()
    {
        using var project = new TempProject("<OutputType>Library</OutputType><TargetFramework>net10.0</TargetFramework><DockerfileGenEnabled>true</DockerfileGenEnabled>");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0007", result.Output);
        Assert.False(File.Exists(project.Dockerfile));
    }

    [Fact]
    public void MultiTargetedProjectIsGeneratedOnceFromTheNewestFramework()
    {
        using var project = new TempProject("<OutputType>Exe</OutputType><TargetFrameworks>net8.0;net10.0</TargetFrameworks>");

        var result = project.Build().EnsureSuccess("build");

        Assert.Single(result.Output.Split('\n'), line => line.Contains("DockerfileGen: wrote", StringComparison.Ordinal));
        Assert.Contains("/dotnet/sdk:10.0 AS build", File.ReadAllText(project.Dockerfile));

        Assert.Contains(" -f net10.0 ", File.ReadAllText(project.Dockerfile));

        // The image publishes net8.0, from an SDK that restores net10.0 too (restore covers every framework).
        project.Build("-p:DockerfileGenTargetFramework=net8.0").EnsureSuccess("build for net8.0");
        var dockerfile = File.ReadAllText(project.Dockerfile);
        Assert.Contains("/dotnet/sdk:10.0 AS build", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra AS final", dockerfile);
        Assert.Contains("dotnet publish App.csproj -c Release -f net8.0 -a $TARGETARCH", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
    }

    [Fact]
    public void WebProjectGetsTheAspNetImage()
    {
        using var project = new TempProject("<TargetFramework>net10.0</TargetFramework>", sdk: "Microsoft.NET.Sdk.Web");

        project.Build().EnsureSuccess("build");

        var dockerfile = File.ReadAllText(project.Dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final", dockerfile);
        Assert.Contains("\nEXPOSE 8080\n", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
    }

    [Fact]
    public void ContainerPropertiesAndKnobsReachTheDockerfile()
    {
        using var project = new TempProject(
            "<TargetFramework>net10.0</TargetFramework><ContainerFamily>alpine</ContainerFamily><Version>2.3.4</Version>"
            + "<ContainerUser>1000</ContainerUser><DockerfileGenHealthCheck>wget</DockerfileGenHealthCheck></PropertyGroup><ItemGroup>"
            + "<ContainerPort Include=\"5000\" Type=\"tcp\" /><ContainerEnvironmentVariable Include=\"TZ\" Value=\"UTC\" />"
            + "<DockerfileGenOsPackage Include=\"tzdata\" /><DockerfileGenInstruction Include=\"data\" Instruction=\"RUN mkdir /data\" Point=\"BeforeUser\" />"
            + "</ItemGroup><PropertyGroup>",
            sdk: "Microsoft.NET.Sdk.Web");

        project.Build().EnsureSuccess("build");

        var dockerfile = File.ReadAllText(project.Dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS final", dockerfile);
        Assert.Contains("\nRUN apk add --no-cache icu-data-full icu-libs tzdata\n", dockerfile);
        Assert.Contains("\nENV ASPNETCORE_HTTP_PORTS=\"5000\"\nENV TZ=\"UTC\"\nEXPOSE 5000\n", dockerfile);
        Assert.Contains("\nRUN mkdir /data\nUSER 1000\n", dockerfile);
        Assert.Contains("CMD [\"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:5000/healthz\"]", dockerfile);
        Assert.Contains("org.opencontainers.image.version=\"${APP_VERSION}\"", dockerfile);
        Assert.DoesNotContain("2.3.4", dockerfile);

        // A changed item reruns generation, like a changed property.
        var projectFile = Path.Combine(project.Directory, "App.csproj");
        File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace("Include=\"5000\"", "Include=\"6000\""));
        project.Build().EnsureSuccess("build after the port changed");
        Assert.Contains("\nEXPOSE 6000\n", File.ReadAllText(project.Dockerfile));
    }

    [Fact]
    public void ABadContainerSettingFailsTheBuildAndWritesNothing()
    {
        using var project = new TempProject("<TargetFramework>net10.0</TargetFramework><ContainerFamily>bookworm-slim</ContainerFamily>", sdk: "Microsoft.NET.Sdk.Web");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0020", result.Output);
        Assert.False(File.Exists(project.Dockerfile));
    }

    [Fact]
    public void UserOwnedDockerfileIsValidatedInCanonicalFormat()
    {
        using var project = new TempProject(Console10);
        File.WriteAllText(project.Dockerfile, "FROM mcr.microsoft.com/dotnet/runtime:10.0\nWORKDIR app\nUSER app\nENTRYPOINT [\"./App\"]\n");

        var result = project.Build().EnsureSuccess("build with a user-owned Dockerfile");

        Assert.Contains("warning DFG0001", result.Output);
        Assert.Contains($"{project.Dockerfile}(2,9): warning DFG1006: ", result.Output);
    }

    [Fact]
    public void NoOpBuildReplaysTheWarningsOfAnUnchangedDockerfileAndAnEditLintsAgain()
    {
        using var project = new TempProject(Console10);
        File.WriteAllText(project.Dockerfile, "FROM mcr.microsoft.com/dotnet/runtime:10.0\nWORKDIR app\nUSER app\nENTRYPOINT [\"./App\"]\n");
        project.Build().EnsureSuccess("first build");

        var noOp = project.Build("-v:d").EnsureSuccess("no-op build");
        Assert.Contains($"{project.Dockerfile}(2,9): warning DFG1006: ", noOp.Output);
        Assert.Contains("finding(s) are replayed from", noOp.Output);

        File.WriteAllText(project.Dockerfile, "FROM mcr.microsoft.com/dotnet/runtime:10.0\nWORKDIR /app\nUSER app\nWORKDIR tmp\nENTRYPOINT [\"./App\"]\n");
        var edited = project.Build("-v:d").EnsureSuccess("build after an edit");
        Assert.Contains($"{project.Dockerfile}(4,9): warning DFG1006: ", edited.Output);
        Assert.DoesNotContain($"{project.Dockerfile}(2,9): warning DFG1006: ", edited.Output);
        Assert.DoesNotContain("finding(s) are replayed from", edited.Output);
    }

    [Fact]
    public void GeneratedDockerfileValidatesCleanAndValidationCanBeTurnedOff()
    {
        using var project = new TempProject(Console10);

        var result = project.Build("-v:d").EnsureSuccess("first build");
        Assert.Contains("Target \"ValidateDockerfile\"", result.Output);
        Assert.DoesNotContain(": warning DFG", result.Output);
        Assert.DoesNotContain(": error DFG", result.Output);

        File.WriteAllText(project.Dockerfile, "FROM ubuntu\n");
        var off = project.Build("-p:DockerfileGenValidate=false").EnsureSuccess("build with validation off");
        Assert.DoesNotContain("DFG2001", off.Output);
    }

    [Fact]
    public void CommandLinePropertiesReachTheImagesBuildAndAVersionNeverRewritesTheDockerfile()
    {
        using var project = new TempProject(Console10);

        project.Build("-p:UseAppHost=false", "-p:InvariantGlobalization=true").EnsureSuccess("build with command-line properties");
        var dockerfile = File.ReadAllText(project.Dockerfile);
        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore App.csproj -a $TARGETARCH -p:InvariantGlobalization=true -p:UseAppHost=false\n", dockerfile);
        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages " + FoundationChecks.SourceTimesCommand + "dotnet publish App.csproj -c Release -a $TARGETARCH -p:InvariantGlobalization=true -p:UseAppHost=false ${APP_VERSION:+-p:Version=$APP_VERSION} ", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"App.dll\"]", dockerfile);

        project.Build().EnsureSuccess("plain build");
        var plain = File.ReadAllText(project.Dockerfile);
        Assert.DoesNotContain("-p:UseAppHost", plain);
        var written = File.GetLastWriteTimeUtc(project.Dockerfile);

        var ci = project.Build("-p:Version=7.8.9", "-p:ContainerImageTag=build-42", "-v:n").EnsureSuccess("build as CI runs it");
        Assert.Equal(plain, File.ReadAllText(project.Dockerfile));
        Assert.Equal(written, File.GetLastWriteTimeUtc(project.Dockerfile));
        Assert.DoesNotContain("DockerfileGen: wrote", ci.Output);
    }

    [Fact]
    public void AReadOnlyProjectFolderIsACodedErrorNotACrash()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("first build");
        File.Delete(project.Dockerfile);

        using var readOnly = ReadOnlyFolder.Make(project.Directory);
        if (readOnly.WhyNot is { } why)
        {
            Console.WriteLine("skipped: " + why);
            return;
        }

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0046", result.Output);
        Assert.DoesNotContain("MSB4018", result.Output);
        Assert.DoesNotContain("   at DockerfileGen", result.Output);
    }

    [Fact]
    public void AFindingASettingCausesNamesItOnceAndAnErrorWritesNothing()
    {
        using var project = new TempProject(Console10 + "<ContainerUser>root</ContainerUser>");

        var first = project.Build().EnsureSuccess("build with ContainerUser=root");
        var warning = Assert.Single(first.Output.Split('\n').Where(line => line.Contains(": warning DFG", StringComparison.Ordinal)).Distinct());
        Assert.Contains("warning DFG2003: ", warning);
        Assert.Contains("This comes from ContainerUser 'root' in the project", warning);
        Assert.DoesNotContain("bug", warning);

        var replay = project.Build().EnsureSuccess("no-op build");
        Assert.Contains("This comes from ContainerUser 'root' in the project", replay.Output);

        File.Delete(project.Dockerfile);
        File.Delete(project.IgnoreFile);
        var refused = project.Build("-p:DockerfileGenAllowedRegistries=registry.example.com");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("error DFG2002: ", refused.Output);
        Assert.Contains("This comes from DockerfileGenAllowedRegistries 'registry.example.com'", refused.Output);
        Assert.False(File.Exists(project.Dockerfile), "an error writes nothing");
        Assert.False(File.Exists(project.IgnoreFile), "an error writes nothing");
    }

    [Fact]
    public void InvalidValuesAreCodedErrorsNotMSBuildsOrSilence()
    {
        using var project = new TempProject(Console10);

        var result = project.Build("-p:DockerfileGenEnabled=banana", "-p:DockerfileGenReadProjectGraph=banana", "-p:DockerfileGenBuildImageTimeout=abc");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0070: DockerfileGenEnabled is 'banana'", result.Output);
        Assert.Contains("error DFG0070: DockerfileGenReadProjectGraph is 'banana'", result.Output);
        Assert.Contains("error DFG0071: DockerfileGenBuildImageTimeout is 'abc'", result.Output);
        Assert.DoesNotContain("MSB4030", result.Output);
        Assert.False(File.Exists(project.Dockerfile));
    }

    [Fact]
    public void TheIgnoreFileKeepsACertificateTheProjectPublishes()
    {
        using var project = new TempProject(Console10 + "</PropertyGroup><ItemGroup>"
            + "<Content Include=\"certs/corp-root-ca.crt\" CopyToPublishDirectory=\"PreserveNewest\" />"
            + "<None Include=\"certs/dev.key\" /></ItemGroup><PropertyGroup>");
        project.WriteFile("App/certs/corp-root-ca.crt", "-----BEGIN CERTIFICATE-----\n");
        project.WriteFile("App/certs/dev.key", "not published\n");

        var result = project.Build().EnsureSuccess("build");

        Assert.Contains("warning DFG0048: certs/corp-root-ca.crt is published by the project", result.Output);
        var ignore = File.ReadAllText(project.IgnoreFile);
        Assert.Contains("\n!certs/corp-root-ca.crt\n", ignore);
        Assert.DoesNotContain("dev.key", ignore);
    }

    [Fact]
    public void CleanRemovesWhatDockerfileGenKeepsInObj()
    {
        using var project = new TempProject(Console10);
        project.Build().EnsureSuccess("build");
        var obj = Path.Combine(project.Directory, "obj");
        Assert.NotEmpty(Directory.GetFiles(obj, "DockerfileGen.*", SearchOption.AllDirectories));

        DotNet.Run(project.Directory, "clean", "-nodeReuse:false", "-nologo", $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}").EnsureSuccess("clean");

        Assert.Empty(Directory.GetFiles(obj, "DockerfileGen.*", SearchOption.AllDirectories));
        Assert.True(File.Exists(project.Dockerfile), "clean leaves the project's own files");
    }
}
