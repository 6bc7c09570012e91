using DockerfileGen.ImageBuild;
using DockerfileGen.Model;

namespace DockerfileGen.Core.Tests;

public sealed class ImageBuildPlannerTests
{
    private static readonly ImageBuildRequest WebApi = new()
    {
        DockerfilePath = "/src/WebApi/Dockerfile",
        ContextDirectory = "/src/WebApi",
        AssemblyName = "WebApi",
        Version = "1.2.3",
    };

    [Fact]
    public void DockerBuildsWithBuildKitPlainProgressAndDefaultTag()
    {
        var plan = ImageBuildPlanner.Plan(WebApi);

        Assert.True(plan.Succeeded);
        Assert.Equal(new[] { "build", "--progress=plain", "-f", "/src/WebApi/Dockerfile", "-t", "webapi:1.2.3", "/src/WebApi" }, plan.BuildArguments);
        Assert.Equal("1", plan.Environment["DOCKER_BUILDKIT"]);
        Assert.Equal(new[] { "webapi:1.2.3" }, plan.ImageReferences);
        Assert.Equal(new[] { "info" }, plan.EngineCheckArguments);
        Assert.Equal(new[] { "image", "inspect", "--format", "{{.Size}}", "webapi:1.2.3" }, plan.SizeArguments);
    }

    [Fact]
    public void PodmanGetsNoBuildKitSwitchesAndTheIgnoreFileBesideTheDockerfile()
    {
        var plan = ImageBuildPlanner.Plan(WebApi with { Tool = ContainerTool.Podman, IgnoreFilePath = "/src/WebApi/Dockerfile.dockerignore" });

        Assert.Empty(plan.Environment);
        Assert.Equal(
            new[] { "build", "-f", "/src/WebApi/Dockerfile", "--ignorefile", "/src/WebApi/Dockerfile.dockerignore", "-t", "webapi:1.2.3", "/src/WebApi" },
            plan.BuildArguments);
    }

    [Theory]
    [InlineData("", "", "", "webapi:1.2.3")]
    [InlineData("shop/api", "", "", "shop/api:1.2.3")]
    [InlineData("", "dev", "", "webapi:dev")]
    [InlineData("", "dev", "1.2.3;latest", "webapi:1.2.3 webapi:latest")]
    [InlineData("localhost:5000/api", "", " a ; b ;a", "localhost:5000/api:a localhost:5000/api:b")]
    [InlineData("Registry.Example.test/team/api", "x", "", "Registry.Example.test/team/api:x")]
    public void TagsComeFromTheContainerProperties(string repository, string tag, string tags, string expected)
    {
        var plan = ImageBuildPlanner.Plan(WebApi with { Repository = repository, Tag = tag, Tags = tags });

        Assert.True(plan.Succeeded, string.Join("\n", plan.Errors));
        Assert.Equal(expected.Split(' '), plan.ImageReferences);
        Assert.Equal(expected.Split(' ').SelectMany(r => new[] { "-t", r }), plan.BuildArguments.Where((a, i) => a == "-t" || (i > 0 && plan.BuildArguments[i - 1] == "-t")));
    }

    [Theory]
    [InlineData("WebApi", "", "")]
    [InlineData("team//api", "", "")]
    [InlineData("api-", "", "")]
    [InlineData("", "1.0+build", "")]
    [InlineData("", "", "ok;-bad")]
    [InlineData("", "has space", "")]
    public void InvalidNamesAreDFG0054(string repository, string tag, string tags)
    {
        var plan = ImageBuildPlanner.Plan(WebApi with { Repository = repository, Tag = tag, Tags = tags });

        Assert.Equal("DFG0054", Assert.Single(plan.Errors).Code);
        Assert.Empty(plan.BuildArguments);
    }

    [Fact]
    public void WithoutARegistryNothingIsPushed()
    {
        var plan = ImageBuildPlanner.Plan(WebApi with { Tags = "1.2.3;latest" });

        Assert.Empty(plan.PushArguments);
        Assert.Equal("", plan.Registry);
    }

    [Theory]
    [InlineData(ContainerTool.Docker)]
    [InlineData(ContainerTool.Podman)]
    public void ARegistryPrefixesEveryReferenceAndEachIsPushedByName(ContainerTool tool)
    {
        var plan = ImageBuildPlanner.Plan(WebApi with { Tool = tool, Registry = " registry.example.test:5000 ", Repository = "shop/api", Tags = "1.2.3;latest" });

        Assert.True(plan.Succeeded, string.Join("\n", plan.Errors));
        Assert.Equal(new[] { "registry.example.test:5000/shop/api:1.2.3", "registry.example.test:5000/shop/api:latest" }, plan.ImageReferences);
        Assert.Contains("registry.example.test:5000/shop/api:latest", plan.BuildArguments);
        Assert.Equal("registry.example.test:5000", plan.Registry);
        Assert.Equal(
            new[] { "push registry.example.test:5000/shop/api:1.2.3", "push registry.example.test:5000/shop/api:latest" },
            plan.PushArguments.Select(arguments => string.Join(" ", arguments)));
        Assert.Equal(new[] { "image", "inspect", "--format", "{{.Size}}", "registry.example.test:5000/shop/api:1.2.3" }, plan.SizeArguments);
    }

    [Theory]
    [InlineData("localhost", "localhost/webapi:1.2.3")]
    [InlineData("127.0.0.1:5055", "127.0.0.1:5055/webapi:1.2.3")]
    [InlineData("ghcr.io", "ghcr.io/webapi:1.2.3")]
    public void RegistryHostsAreTheOnesDockerReadsAsRegistries(string registry, string expected) =>
        Assert.Equal(new[] { expected }, ImageBuildPlanner.Plan(WebApi with { Registry = registry }).ImageReferences);

    [Theory]
    [InlineData("https://registry.example.test")]
    [InlineData("registry.example.test/team")]
    [InlineData("myregistry")]
    [InlineData("me@registry.example.test")]
    [InlineData("registry.example.test:port")]
    [InlineData("-registry.example.test")]
    public void ARegistryThatIsNotAHostIsDFG0091NamingIt(string registry)
    {
        var plan = ImageBuildPlanner.Plan(WebApi with { Registry = registry });

        var error = Assert.Single(plan.Errors);
        Assert.Equal("DFG0091", error.Code);
        Assert.Contains($"ContainerRegistry is '{registry}'", error.Message);
        Assert.Empty(plan.BuildArguments);
        Assert.Empty(plan.PushArguments);
    }

    [Theory]
    [InlineData("linux-x64", "linux/amd64")]
    [InlineData("linux-x64;linux-arm64", "linux/amd64,linux/arm64")]
    [InlineData("linux-musl-x64;linux-x64", "linux/amd64")]
    [InlineData("linux-arm", "linux/arm/v7")]
    [InlineData(" linux-musl-arm64 ; ", "linux/arm64")]
    public void RuntimeIdentifiersBecomeOnePlatformList(string rids, string expected)
    {
        var arguments = ImageBuildPlanner.Plan(WebApi with { RuntimeIdentifiers = rids }).BuildArguments.ToList();

        Assert.Equal(expected, arguments[arguments.IndexOf("--platform") + 1]);
    }

    [Theory]
    [InlineData("win-x64")]
    [InlineData("osx-arm64")]
    [InlineData("linux-mips")]
    [InlineData("linux")]
    public void NonLinuxRuntimeIdentifierIsDFG0055(string rid) =>
        Assert.Equal("DFG0055", Assert.Single(ImageBuildPlanner.Plan(WebApi with { RuntimeIdentifiers = rid }).Errors).Code);

    [Fact]
    public void BuildArgumentsAndSecretsArePassedInOrderWithoutAShell()
    {
        var plan = ImageBuildPlanner.Plan(WebApi with
        {
            BuildArguments = new[] { new BuildArgument("VERSION", "1 2 $HOME"), new BuildArgument("_EMPTY", "") },
            Secrets = new[] { new BuildSecret("nugetconfig", "/home/me/.nuget/NuGet.Config"), new BuildSecret("odd", "/tmp/a,b\"c") },
        });

        Assert.Equal(
            new[]
            {
                "--build-arg", "VERSION=1 2 $HOME", "--build-arg", "_EMPTY=",
                "--secret", "id=nugetconfig,src=/home/me/.nuget/NuGet.Config", "--secret", "id=odd,src=\"/tmp/a,b\"\"c\"",
            },
            plan.BuildArguments.Skip(6).Take(8));
        Assert.Equal("/src/WebApi", plan.BuildArguments[^1]);
    }

    [Theory]
    [InlineData("1ARG")]
    [InlineData("A-B")]
    [InlineData("")]
    [InlineData("A=B")]
    public void InvalidBuildArgumentIsDFG0059(string name) =>
        Assert.Equal("DFG0059", Assert.Single(ImageBuildPlanner.Plan(WebApi with { BuildArguments = new[] { new BuildArgument(name, "x") } }).Errors).Code);

    [Theory]
    [InlineData("", "/tmp/x")]
    [InlineData("a,b", "/tmp/x")]
    [InlineData("ok", " ")]
    public void InvalidSecretIsDFG0057(string id, string source) =>
        Assert.Equal("DFG0057", Assert.Single(ImageBuildPlanner.Plan(WebApi with { Secrets = new[] { new BuildSecret(id, source) } }).Errors).Code);

    [Theory]
    [InlineData("docker", ContainerTool.Docker)]
    [InlineData(" Podman ", ContainerTool.Podman)]
    [InlineData("nerdctl", null)]
    [InlineData("", null)]
    public void ToolNamesAreDockerOrPodman(string name, ContainerTool? expected) =>
        Assert.Equal(expected, ImageBuildPlanner.ParseTool(name));

    [Theory]
    [InlineData(230_712_345L, "230.7 MB")]
    [InlineData(14_100_000L, "14.1 MB")]
    [InlineData(1_256_200_000L, "1.26 GB")]
    public void SizeIsDecimalMegabytes(long bytes, string expected) =>
        Assert.Equal(expected, ImageBuildPlanner.FormatSize(bytes));

    [Theory]
    [InlineData(new[] { "build", "-t", "a:b" }, "build -t a:b")]
    [InlineData(new[] { "has space", "" }, "\"has space\" \"\"")]
    [InlineData(new[] { "q\"uote", "tail\\", "sp ace\\" }, "\"q\\\"uote\" tail\\ \"sp ace\\\\\"")]
    [InlineData(new[] { "a\\\\\"b" }, "\"a\\\\\\\\\\\"b\"")]
    public void CommandLineQuotesForDotNetsArgumentParser(string[] arguments, string expected) =>
        Assert.Equal(expected, CommandLine.Join(arguments));
}
