using System.Text.RegularExpressions;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// samples/MultiProject with a test project named as a <c>DockerfileGenTestProject</c>: <c>docker build --target test</c>
/// runs the tests in the image's build environment, a failing test fails it, and the image itself is built without them.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class TestStageImageTests
{
    private readonly PackedPackage package;

    public TestStageImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void TargetTestRunsTheTestsAndTheImageNeverDependsOnThem()
    {
        Skip.If(ContainerEngine.WhyUnavailable is not null, ContainerEngine.WhyUnavailable);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");
        var root = package.CopySample("MultiProject", temp);
        var api = Path.Combine(root, "src", "Api");
        MultiProjectImageTests.AddDockerfileGen(root, api, package.Version);
        AddTestProject(root, api);

        // The host restores both projects (and writes the test project's lock file) from this machine's sources; the
        // image then restores from a feed served from those packages, as in the other multi-project test.
        package.Build(Path.Combine(root, "tests", "Domain.Tests")).EnsureSuccess("dotnet build of the test project");
        package.Build(api).EnsureSuccess("dotnet build of the API");
        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        feed.WriteOnlySourceConfig(root);
        package.Build(api).EnsureSuccess("dotnet build of the API with the feed");

        var dockerfile = File.ReadAllText(Path.Combine(api, "Dockerfile"));
        Assert.Contains("\nFROM build AS test\n", dockerfile);
        var header = DockerfileHeader.Read(Path.Combine(api, "Dockerfile"));
        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-teststage:" + tag;
        try
        {
            var tests = ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain", "--target", "test" }.Concat(header.WithTag(image + "-tests")).ToArray())
                .EnsureSuccess("docker build --target test");
            Assert.Matches(new Regex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+2\b"), tests.Output);

            // The image's own build neither builds nor runs the test stage.
            var build = ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain", "--no-cache" }.Concat(header.WithTag(image)).ToArray())
                .EnsureSuccess("docker build of the image");
            Assert.DoesNotContain("dotnet test", build.Output);
            Assert.DoesNotContain("[test ", build.Output);

            // A failing test fails the test build.
            var testFile = Path.Combine(root, "tests", "Domain.Tests", "OrderTests.cs");
            File.WriteAllText(testFile, File.ReadAllText(testFile).Replace("Assert.Equal(12.5m, order.Total);", "Assert.Equal(13m, order.Total);"));
            var failing = ContainerEngine.Run(header.ContextDirectory, TimeSpan.FromMinutes(15), new[] { "build", "--progress=plain", "--target", "test" }.Concat(header.WithTag(image + "-failing")).ToArray());
            Assert.NotEqual(0, failing.ExitCode);
            Assert.Contains("Failed!", failing.Output);
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rmi", "-f", image, image + "-tests", image + "-failing");
        }
    }

    // An xunit project beside the sources, with its versions in the repository's central package versions.
    private static void AddTestProject(string root, string api)
    {
        var repositoryVersions = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        string Version(string id) => Regex.Match(repositoryVersions, $"PackageVersion Include=\"{Regex.Escape(id)}\" Version=\"([^\"]+)\"").Groups[1].Value;
        var versions = Path.Combine(root, "build", "Versions.props");
        File.WriteAllText(versions, File.ReadAllText(versions).Replace("  </ItemGroup>", string.Concat(
            new[] { "Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio" }.Select(id => $"    <PackageVersion Include=\"{id}\" Version=\"{Version(id)}\" />\n")) + "  </ItemGroup>"));

        Directory.CreateDirectory(Path.Combine(root, "tests", "Domain.Tests"));
        File.WriteAllText(Path.Combine(root, "tests", "Domain.Tests", "Domain.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="xunit" />
                <PackageReference Include="xunit.runner.visualstudio" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Domain/Domain.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "tests", "Domain.Tests", "OrderTests.cs"), """
            using Contoso.Domain;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void KeepsItsTotal()
                {
                    var order = new Order(1, "Ada", 12.5m);
                    Assert.Equal(12.5m, order.Total);
                }

                [Fact]
                public void IsAValue() => Assert.Equal(new Order(1, "Ada", 1m), new Order(1, "Ada", 1m));
            }
            """);

        var project = Path.Combine(api, "Api.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>", "  <ItemGroup>\n    <DockerfileGenTestProject Include=\"../../tests/Domain.Tests/Domain.Tests.csproj\" />\n  </ItemGroup>\n</Project>"));
    }
}
