using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>`dotnet publish -p:DockerfileGenBuildImage=true` on a temporary project, with a fake docker.</summary>
[Trait("Category", "build")]
[Collection(DotNetBuildCollection.Name)]
public sealed class PublishTargetsTests
{
    private const string Console10 = "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>";

    [Fact]
    public void PublishWithBuildImageRegeneratesAndBuildsTheImageFromTheProjectFolder()
    {
        using var project = new TempProject(Console10);
        using var tool = new FakeContainerTool();
        var secret = Path.Combine(tool.Directory, "NuGet.Config");
        File.WriteAllText(secret, "<configuration />");
        File.WriteAllText(Path.Combine(project.Directory, "Directory.Build.targets"), $"""
            <Project>
              <ItemGroup>
                <DockerfileGenBuildArg Include="GREETING" Value="hi" />
                <DockerfileGenBuildSecret Include="nugetconfig" Source="{secret}" />
              </ItemGroup>
            </Project>
            """);

        var result = project.Publish("-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={tool.Path}", "-p:ContainerRuntimeIdentifiers=linux-x64")
            .EnsureSuccess("publish with the image build");

        Assert.Contains("DockerfileGen: wrote Dockerfile and .dockerignore in ", result.Output);
        Assert.Contains("#1 [build 1/2] FROM sdk", result.Output);
        Assert.Contains("DockerfileGen: built image app:1.0.0, 230.7 MB", result.Output);
        Assert.Equal(
            $"build --progress=plain -f {project.Dockerfile} -t app:1.0.0 --platform linux/amd64 --build-arg GREETING=hi --build-arg APP_VERSION=1.0.0 --secret id=nugetconfig,src={secret} {project.Directory}|buildkit=1",
            Assert.Single(tool.Calls(), call => call.StartsWith("build ", StringComparison.Ordinal)));

        // The engine was asked before the host's build and publish, and again before the image build.
        Assert.Equal(2, tool.Calls().Count(call => call.StartsWith("info", StringComparison.Ordinal)));
    }

    [Fact]
    public void TagsComeFromContainerRepositoryAndContainerImageTags()
    {
        using var project = new TempProject(Console10 + "<ContainerRepository>shop/app</ContainerRepository><ContainerImageTags>2.0;latest</ContainerImageTags>");
        using var tool = new FakeContainerTool();

        project.Publish("-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={tool.Path}").EnsureSuccess("publish");

        Assert.Contains(" -t shop/app:2.0 -t shop/app:latest ", Assert.Single(tool.Calls(), call => call.StartsWith("build ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ContainerRegistryPrefixesEveryTagAndEachIsPushedAfterTheBuild()
    {
        using var project = new TempProject(Console10 + "<ContainerRegistry>registry.example.test</ContainerRegistry><ContainerRepository>shop/app</ContainerRepository><ContainerImageTags>2.0;latest</ContainerImageTags>");
        using var tool = new FakeContainerTool();

        var result = project.Publish("-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={tool.Path}").EnsureSuccess("publish");

        Assert.Contains(" -t registry.example.test/shop/app:2.0 -t registry.example.test/shop/app:latest ", Assert.Single(tool.Calls(), call => call.StartsWith("build ", StringComparison.Ordinal)));
        Assert.Equal(
            new[] { "push registry.example.test/shop/app:2.0|buildkit=1", "push registry.example.test/shop/app:latest|buildkit=1" },
            tool.Calls().SkipWhile(call => !call.StartsWith("build ", StringComparison.Ordinal)).Where(call => call.StartsWith("push ", StringComparison.Ordinal)));
        Assert.Contains("DockerfileGen: pushed registry.example.test/shop/app:latest (1 layer uploaded, 0 already in registry.example.test)", result.Output);
    }

    [Fact]
    public void ARegistryThatIsNotAHostFailsThePublishWithDFG0091BeforeTheHostsBuild()
    {
        using var project = new TempProject(Console10 + "<ContainerRegistry>https://registry.example.test</ContainerRegistry>");
        using var tool = new FakeContainerTool();

        var result = project.Publish("-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={tool.Path}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0091: ContainerRegistry is 'https://registry.example.test'", result.Output);
        Assert.Empty(tool.Calls());
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "bin", "Release")), "nothing was built or published");
    }

    [Fact]
    public void PlainPublishDoesNotTouchTheEngine()
    {
        using var project = new TempProject(Console10);
        using var tool = new FakeContainerTool();

        project.Publish($"-p:DockerfileGenContainerToolPath={tool.Path}").EnsureSuccess("plain publish");

        Assert.Empty(tool.Calls());
    }

    [Theory]
    [InlineData("<TargetFramework>net10.0</TargetFramework>")]
    [InlineData(Console10 + "<IsTestProject>true</IsTestProject>")]
    public void ALibraryOrTestProjectPublishedWithTheImageBuildBuildsNoImage(string properties)
    {
        // `dotnet publish X.sln -p:DockerfileGenBuildImage=true` publishes every project of the solution with the property.
        using var project = new TempProject(properties);
        using var tool = new FakeContainerTool();

        project.Publish("-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={tool.Path}").EnsureSuccess("publish of a library");

        Assert.Empty(tool.Calls());
        Assert.False(File.Exists(project.Dockerfile));
    }

    [Fact]
    public void EngineDownFailsThePublishWithDFG0051()
    {
        using var project = new TempProject(Console10);
        using var tool = new FakeContainerTool(info: "echo 'Cannot connect to the Docker daemon' >&2; exit 1");

        var result = project.Publish("-p:DockerfileGenBuildImage=true", $"-p:DockerfileGenContainerToolPath={tool.Path}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error DFG0051", result.Output);

        // Said before the host's build, which the image would not have used.
        Assert.DoesNotContain("-> " + Path.Combine(project.Directory, "bin"), result.Output);
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "bin", "Release")), "nothing was built or published");
    }
}
