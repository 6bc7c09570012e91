using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>The build context as MSBuild's evaluation of real projects defines it.</summary>
[Trait("Category", "build")]
[Collection(DotNetBuildCollection.Name)]
public sealed class ProjectGraphTests
{
    private const string Console10 = "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>";

    private static string Library(string references = "", string items = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup>{references}{items}</ItemGroup>
        </Project>
        """;

    private static TempProject Repository()
    {
        var project = new TempProject(Console10 + "</PropertyGroup><ItemGroup><ProjectReference Include=\"../libs/B/B.csproj\" /></ItemGroup><PropertyGroup>");
        project.WriteFile("Directory.Build.props", "<Project><Import Project=\"$(MSBuildThisFileDirectory)eng/common.props\" /></Project>");
        project.WriteFile("eng/common.props", "<Project><PropertyGroup><Company>Test</Company></PropertyGroup></Project>");
        project.WriteFile("libs/B/B.csproj", Library("<ProjectReference Include=\"../C/C.csproj\" />"));
        project.WriteFile("libs/B/B.cs", "namespace B; public static class BType { }\n");
        project.WriteFile("libs/C/C.csproj", Library(items: "<Compile Include=\"../../shared/Linked.cs\" Link=\"Linked.cs\" />"));
        project.WriteFile("shared/Linked.cs", "namespace C; public static class Linked { }\n");
        project.WriteFile("unrelated/notes.txt", "not read by the build\n");
        return project;
    }

    private static string Dockerfile(TempProject project) => File.ReadAllText(Path.Combine(project.Directory, "Dockerfile"));

    [Fact]
    public void TransitiveClosureImportsAndLinkedFilesComeFromEvaluation()
    {
        using var project = Repository();

        var output = project.Build().EnsureSuccess("build").Output;

        Assert.Contains("DockerfileGen: wrote Dockerfile and Dockerfile.dockerignore", output);
        var dockerfile = Dockerfile(project);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
        Assert.Contains("COPY [\"Directory.Build.props\", \"./\"]", dockerfile);
        Assert.Contains("COPY [\"eng/common.props\", \"eng/\"]", dockerfile);
        Assert.Contains("COPY [\"libs/C/C.csproj\", \"libs/C/\"]", dockerfile);
        Assert.Contains("COPY [\"shared/Linked.cs\", \"shared/\"]", dockerfile);
        Assert.Contains("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore App/App.csproj -a $TARGETARCH\n", dockerfile);
        Assert.DoesNotContain("build/", dockerfile.Replace("docker build", ""));
        Assert.DoesNotContain("unrelated", dockerfile);
        Assert.False(File.Exists(Path.Combine(project.Directory, ".dockerignore")));
        Assert.Contains("!libs/C\n", File.ReadAllText(Path.Combine(project.Directory, "Dockerfile.dockerignore")));
    }

    [Fact]
    public void TheIgnoreFileFollowsTheContextOutOfTheProjectFolderAndBack()
    {
        const string Reference = "</PropertyGroup><ItemGroup><ProjectReference Include=\"../libs/B/B.csproj\" /></ItemGroup><PropertyGroup>";
        using var project = new TempProject(Console10 + Reference);
        project.WriteFile("libs/B/B.csproj", Library());
        var beside = Path.Combine(project.Directory, "Dockerfile.dockerignore");

        project.Build().EnsureSuccess("build with a reference outside the project folder");
        Assert.True(File.Exists(beside));
        Assert.False(File.Exists(project.IgnoreFile));

        // Without the reference the context is the project folder again; BuildKit reads Dockerfile.dockerignore before
        // .dockerignore, so the old one must go, or the image build would still see the old context's allowlist.
        project.WriteProject(Console10);
        var back = project.Build().EnsureSuccess("build after the reference was removed").Output;
        Assert.True(File.Exists(project.IgnoreFile));
        Assert.False(File.Exists(beside));
        Assert.Contains("DockerfileGen: removed Dockerfile.dockerignore", back);
        Assert.DoesNotContain("DFG2017", back);

        project.WriteProject(Console10 + Reference);
        project.Build().EnsureSuccess("build after the reference came back");
        Assert.True(File.Exists(beside));
        Assert.False(File.Exists(project.IgnoreFile));
    }

    [Fact]
    public void TestProjectsGetATestStageAndTheirFoldersJoinTheContext()
    {
        using var project = new TempProject(Console10 + "</PropertyGroup><ItemGroup><DockerfileGenTestProject Include=\"../tests/App.Tests/App.Tests.csproj\" /></ItemGroup><PropertyGroup>");
        project.WriteFile("tests/App.Tests/App.Tests.csproj", Library("<ProjectReference Include=\"../../App/App.csproj\" /><ProjectReference Include=\"../TestKit/TestKit.csproj\" />"));
        project.WriteFile("tests/TestKit/TestKit.csproj", Library());
        project.WriteFile("unrelated/notes.txt", "not read by the build\n");

        project.Build().EnsureSuccess("build");

        var dockerfile = Dockerfile(project);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
        Assert.Contains("\nFROM build AS test\nCOPY [\"tests/App.Tests/\", \"tests/App.Tests/\"]\nCOPY [\"tests/TestKit/\", \"tests/TestKit/\"]\n", dockerfile);
        Assert.Contains("\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet test tests/App.Tests/App.Tests.csproj -c Release -p:DockerfileGenInsideImage=true\n", dockerfile);
        Assert.DoesNotContain("COPY [\"tests/App.Tests/App.Tests.csproj\"", dockerfile);
        var ignore = File.ReadAllText(Path.Combine(project.Directory, "Dockerfile.dockerignore"));
        Assert.Contains("!tests/App.Tests\n", ignore);
        Assert.Contains("!tests/TestKit\n", ignore);
        Assert.DoesNotContain("unrelated", ignore);

        // The test projects are inputs of generation: a new reference of theirs is picked up.
        project.WriteFile("tests/Fakes/Fakes.csproj", Library());
        project.WriteFile("tests/TestKit/TestKit.csproj", Library("<ProjectReference Include=\"../Fakes/Fakes.csproj\" />"));
        project.Build().EnsureSuccess("build after a test project changed");
        Assert.Contains("COPY [\"tests/Fakes/\", \"tests/Fakes/\"]", Dockerfile(project));
    }

    [Fact]
    public void AMissingTestProjectIsACodedError()
    {
        using var project = new TempProject(Console10 + "</PropertyGroup><ItemGroup><DockerfileGenTestProject Include=\"../tests/Nope/Nope.csproj\" /></ItemGroup><PropertyGroup>");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0037", result.Output);
        Assert.False(File.Exists(Path.Combine(project.Directory, "Dockerfile")));
    }

    [Fact]
    public void DirectoryBuildPropsCreatedBesideAReferencedProjectJoinsTheRestoreLayer()
    {
        using var project = Repository();
        project.Build().EnsureSuccess("first build");
        Assert.DoesNotContain("libs/C/Directory.Build.props", Dockerfile(project));

        // Nearer to C than the repository's Directory.Build.props, so MSBuild imports it instead for C alone; neither
        // the app's project file nor any file the last generation read changes.
        project.WriteFile("libs/C/Directory.Build.props", "<Project><PropertyGroup><Authors>C team</Authors></PropertyGroup></Project>");
        project.Build().EnsureSuccess("build after Directory.Build.props appeared beside C");

        var dockerfile = Dockerfile(project);
        Assert.Contains("libs/C/Directory.Build.props", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
        Assert.Contains("!libs/C\n", File.ReadAllText(Path.Combine(project.Directory, "Dockerfile.dockerignore")));
    }

    [Fact]
    public void ReferenceAddedByDirectoryBuildTargetsIsFollowed()
    {
        using var project = Repository();
        project.WriteFile("libs/D/D.csproj", Library());
        project.WriteFile("Directory.Build.targets", """
            <Project>
              <ItemGroup Condition="'$(OutputType)' == 'Exe'">
                <ProjectReference Include="$(MSBuildThisFileDirectory)libs/D/D.csproj" />
              </ItemGroup>
            </Project>
            """);

        project.Build().EnsureSuccess("build");

        var dockerfile = Dockerfile(project);
        Assert.Contains("COPY [\"libs/D/D.csproj\", \"libs/D/\"]", dockerfile);
        Assert.Contains("Directory.Build.targets", dockerfile);
    }

    [Fact]
    public void EditedImportRunsGenerationAgain()
    {
        using var project = Repository();
        project.Build().EnsureSuccess("first build");
        project.WriteFile("libs/D/D.csproj", Library());

        project.WriteFile("eng/common.props", """
            <Project>
              <ItemGroup Condition="'$(MSBuildProjectName)' == 'App'">
                <ProjectReference Include="$(MSBuildThisFileDirectory)../libs/D/D.csproj" />
              </ItemGroup>
            </Project>
            """);
        project.Build().EnsureSuccess("build after editing an import");

        Assert.Contains("COPY [\"libs/D/D.csproj\", \"libs/D/\"]", Dockerfile(project));
    }

    [Fact]
    public void ANuGetConfigAddedAfterTheFirstGenerationIsPickedUp()
    {
        using var project = Repository();
        project.Build().EnsureSuccess("first build");
        Assert.DoesNotContain("NuGet.config", Dockerfile(project));

        project.WriteFile("NuGet.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <config><add key=\"signatureValidationMode\" value=\"accept\" /></config>\n</configuration>\n");
        project.Build().EnsureSuccess("build after adding a NuGet.config");

        Assert.Contains("\"NuGet.config\"", Dockerfile(project));
    }

    [Fact]
    public void EditedReferencedProjectIsEvaluatedAgain()
    {
        using var project = Repository();
        project.Build().EnsureSuccess("first build");
        Assert.True(File.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "DockerfileGen.graph.cache")));
        project.WriteFile("libs/D/D.csproj", Library());

        project.WriteFile("libs/C/C.csproj", Library("<ProjectReference Include=\"../D/D.csproj\" />", "<Compile Include=\"../../shared/Linked.cs\" Link=\"Linked.cs\" />"));
        project.Build().EnsureSuccess("build after editing a referenced project");

        Assert.Contains("COPY [\"libs/D/D.csproj\", \"libs/D/\"]", Dockerfile(project));
    }

    [Fact]
    public void CredentialedNuGetConfigBecomesABuildSecret()
    {
        using var project = Repository();
        var feed = Directory.CreateDirectory(Path.Combine(project.Root, "feed")).FullName;
        project.WriteFile("NuGet.config", $"""
            <configuration>
              <packageSources><add key="private" value="{feed}" /></packageSources>
              <packageSourceCredentials>
                <private><add key="Username" value="ci" /><add key="ClearTextPassword" value="s3cr3t-token" /></private>
              </packageSourceCredentials>
            </configuration>
            """);

        var result = DotNet.Run(project.Directory, "msbuild", "-restore", "-t:Build;GenerateDockerfile", "-nodeReuse:false",
            $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}", "-getItem:DockerfileGenBuildSecret")
            .EnsureSuccess("build");

        var dockerfile = Dockerfile(project);
        Assert.Contains("RUN --mount=type=secret,id=nuget_config,target=/src/NuGet.config dotnet restore ", dockerfile);
        Assert.DoesNotContain("s3cr3t", dockerfile);
        Assert.DoesNotContain("\"NuGet.config\"", dockerfile);
        Assert.Contains("\"Identity\": \"nuget_config\"", result.Output);
        Assert.Contains(Path.Combine(project.Root, "NuGet.config"), result.Output);
    }

    [Fact]
    public void FileOutsideTheChosenContextIsACodedError()
    {
        using var project = Repository();

        var result = project.Build("-p:DockerfileGenContextRoot=" + project.Directory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0011", result.Output);
        Assert.False(File.Exists(Path.Combine(project.Directory, "Dockerfile")));
    }

    [Fact]
    public void ProjectGraphCanBeTurnedOff()
    {
        using var project = Repository();

        project.Build("-p:DockerfileGenReadProjectGraph=false").EnsureSuccess("build");

        Assert.Contains("COPY . .", Dockerfile(project));
        Assert.True(File.Exists(Path.Combine(project.Directory, ".dockerignore")));
    }

    [Fact]
    public void ReferencesAreFollowedPerFrameworkAsTheBuildFollowsThem()
    {
        using var project = new TempProject(Console10 + "</PropertyGroup><ItemGroup><ProjectReference Include=\"../libs/Text/Text.csproj\" /><ProjectReference Include=\"../libs/Tools/Tools.csproj\" Condition=\"'$(Configuration)' == 'Debug'\" /></ItemGroup><PropertyGroup>");
        project.WriteFile("libs/Text/Text.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'"><ProjectReference Include="../Modern/Modern.csproj" /></ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'"><ProjectReference Include="../Legacy/Legacy.csproj" /></ItemGroup>
            </Project>
            """);
        project.WriteFile("libs/Modern/Modern.csproj", Library());
        project.WriteFile("libs/Legacy/Legacy.csproj", Library().Replace("net10.0", "net8.0"));
        project.WriteFile("libs/Tools/Tools.csproj", Library());

        project.Build().EnsureSuccess("build");

        // The app's net10.0 flows to Text by the nearest-framework rule: Modern is built, Legacy only restored (restore
        // walks every framework), and the Debug-only reference is not part of the image's Release build.
        var dockerfile = Dockerfile(project);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
        Assert.Contains("COPY [\"libs/Modern/\", \"libs/Modern/\"]", dockerfile);
        Assert.Contains("COPY [\"libs/Legacy/Legacy.csproj\", \"libs/Legacy/\"]", dockerfile);
        Assert.DoesNotContain("COPY [\"libs/Legacy/\"", dockerfile);
        Assert.DoesNotContain("Tools", dockerfile);
        var ignore = File.ReadAllText(Path.Combine(project.Directory, "Dockerfile.dockerignore"));
        Assert.Contains("!libs/Legacy/Legacy.csproj\n", ignore);
        Assert.Contains("!libs/Modern\n", ignore);

        // An image built in Debug follows the Debug-only reference too.
        project.Build("-p:DockerfileGenConfiguration=Debug").EnsureSuccess("build for a Debug image");
        Assert.Contains("COPY [\"libs/Tools/\", \"libs/Tools/\"]", Dockerfile(project));
    }

    [Fact]
    public void GenerateDockerfileRunsOnTheOuterBuildOfAMultiTargetedApp()
    {
        using var project = new TempProject("<OutputType>Exe</OutputType><TargetFrameworks>net8.0;net10.0</TargetFrameworks>");

        var result = DotNet.Run(project.Directory, "msbuild", "-restore", "-t:GenerateDockerfile", "-nodeReuse:false", "-nologo",
            $"-p:DockerfileGenTasksAssembly={Path.Combine(AppContext.BaseDirectory, "DockerfileGen.Tasks.dll")}");

        result.EnsureSuccess("dotnet msbuild -t:GenerateDockerfile on the outer build");
        Assert.DoesNotContain("MSB4044", result.Output);
        Assert.Contains(" -f net10.0 ", Dockerfile(project));
    }

    [Fact]
    public void AFolderFeedOutsideTheContextIsACodedError()
    {
        using var project = new TempProject(Console10);
        project.WriteFile("App/NuGet.config", """
            <configuration>
              <packageSources>
                <add key="elsewhere" value="../feed-of-another-repository" />
              </packageSources>
            </configuration>
            """);
        project.WriteFile("feed-of-another-repository/readme.txt", "a folder feed\n");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0014", result.Output);
        Assert.Contains("feed-of-another-repository", result.Output);
        Assert.False(File.Exists(project.Dockerfile));
    }

    [Fact]
    public void AFeedOnlyBuildsOutsideAContainerReadIsNoInputOfTheImage()
    {
        // The SDK images set DOTNET_RUNNING_IN_CONTAINER=true: a feed named only for builds outside a container (as a
        // repository's samples take a locally packed package) is not read by the image's restore.
        using var project = new TempProject(Console10);
        project.WriteFile("App/Directory.Build.props", """
            <Project>
              <PropertyGroup Condition="'$(DOTNET_RUNNING_IN_CONTAINER)' != 'true'">
                <RestoreAdditionalProjectSources>$(MSBuildThisFileDirectory)../host-only-feed</RestoreAdditionalProjectSources>
              </PropertyGroup>
            </Project>
            """);
        project.WriteFile("host-only-feed/readme.txt", "a folder feed\n");

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("DFG0014", result.Output);
        Assert.DoesNotContain("host-only-feed", File.ReadAllText(project.Dockerfile));
    }

    [Fact]
    public void ASymbolicLinkThatWouldDangleInTheImageIsACodedError()
    {
        using var project = new TempProject(Console10);
        project.WriteFile("common/Clock.cs", "namespace Common; public static class Clock { }\n");
        File.CreateSymbolicLink(Path.Combine(project.Directory, "Shared"), Path.Combine(project.Root, "common"));

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0015", result.Output);
        Assert.False(File.Exists(project.Dockerfile));
    }
}
