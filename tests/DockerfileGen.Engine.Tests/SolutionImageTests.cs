using System.Net;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// A solution of two web apps and a worker over a shared library, with a test project, every project referencing the
/// packed package: <c>dotnet publish Shop.sln -p:DockerfileGenBuildImage=true</c> builds one image per service, names
/// each, builds none for the library or the test project, and the images run; a service whose image cannot build fails
/// the command, named.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class SolutionImageTests
{
    private const string AspNetImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra";
    private const string RuntimeImage = "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra";
    private static readonly string[] Services = { "Admin", "Api", "Worker" };

    private readonly PackedPackage package;

    public SolutionImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void PublishingTheSolutionBuildsEveryServicesImageAndNoLibrarysOrTestProjects()
    {
        var why = ContainerEngine.WhyUnavailableWith(AspNetImage, RuntimeImage);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-solution");
        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        WriteSolution(temp);
        var containers = new List<string>();
        try
        {
            var publish = DotNet.Run(temp.Path, new[]
            {
                "publish", "Shop.sln", "-nodeReuse:false", "-p:DockerfileGenBuildImage=true", $"-p:ContainerImageTag={tag}",
            }.Concat(package.FeedArguments).ToArray());

            Assert.True(publish.ExitCode == 0, publish.Output);
            foreach (var service in Services)
            {
                Assert.Contains($"DockerfileGen: built image dfg-test-sln-{service.ToLowerInvariant()}:{tag}", publish.Output);
                ContainerEngine.Run(temp.Path, "image", "inspect", Image(service, tag)).EnsureSuccess("docker image inspect " + service);
            }

            Assert.Equal(3, publish.Output.Split('\n').Count(l => l.Contains("DockerfileGen: built image", StringComparison.Ordinal)));
            foreach (var project in new[] { "Shared", "Shared.Tests" })
            {
                Assert.NotEqual(0, ContainerEngine.Run(temp.Path, "image", "inspect", Image(project, tag)).ExitCode);
                Assert.False(File.Exists(Path.Combine(temp.Path, "src", project, "Dockerfile")), project + " got a Dockerfile");
            }

            var bake = File.ReadAllText(Path.Combine(temp.Path, "docker-bake.hcl"));
            Assert.Contains("targets = [\"admin\", \"api\", \"worker\"]", bake);

            foreach (var web in new[] { "Api", "Admin" })
            {
                var container = $"dfg-test-sln-{web.ToLowerInvariant()}-{tag}";
                containers.Add(container);
                ContainerEngine.Run(temp.Path, "run", "-d", "--name", container, "-p", "127.0.0.1::8080", Image(web, tag)).EnsureSuccess("docker run " + web);
                var port = ContainerEngine.Run(temp.Path, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];
                var response = HttpProbe.Get($"http://{port}/", TimeSpan.FromSeconds(60));
                Assert.True(response.Status == HttpStatusCode.OK, $"{web}: {response.Status}\n{ContainerEngine.Run(temp.Path, "logs", container).Output}");
                Assert.Equal($"{web} of shop", response.Body);
            }

            var worker = ContainerEngine.Run(temp.Path, "run", "--rm", Image("Worker", tag)).EnsureSuccess("docker run Worker");
            Assert.Contains("Worker of shop", worker.Output);

            // One service whose image cannot build (its SDK image does not exist) fails the command, and the error names it.
            File.WriteAllText(Path.Combine(temp.Path, "src", "Admin", "Directory.Build.props"),
                "<Project><Import Project=\"../../Directory.Build.props\" /><PropertyGroup><DockerfileGenSdkImage>mcr.microsoft.com/dotnet/sdk:0.0-missing</DockerfileGenSdkImage></PropertyGroup></Project>\n");
            var failing = DotNet.Run(temp.Path, new[]
            {
                "publish", "Shop.sln", "-nodeReuse:false", "-p:DockerfileGenBuildImage=true", $"-p:ContainerImageTag={tag}-2",
            }.Concat(package.FeedArguments).ToArray());

            Assert.NotEqual(0, failing.ExitCode);
            var errors = failing.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Contains("Admin.csproj", e));
        }
        finally
        {
            foreach (var container in containers)
            {
                ContainerEngine.Run(temp.Path, "rm", "-f", container);
            }

            foreach (var service in Services)
            {
                ContainerEngine.Run(temp.Path, "rmi", "-f", Image(service, tag), Image(service, tag + "-2"));
            }
        }
    }

    private static string Image(string project, string tag) => $"dfg-test-sln-{project.ToLowerInvariant()}:{tag}";

    // Every project references the package (the image's own restore leaves it out), as a Directory.Build.props of a real
    // solution would add it.
    private void WriteSolution(TempDirectory temp)
    {
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        temp.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <ContainerRepository>dfg-test-sln-$(MSBuildProjectName.ToLowerInvariant())</ContainerRepository>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DockerfileGen" Version="{package.Version}" PrivateAssets="all" Condition="'$(DOTNET_RUNNING_IN_CONTAINER)' != 'true'" />
              </ItemGroup>
            </Project>
            """);
        const string Reference = """<ItemGroup><ProjectReference Include="../Shared/Shared.csproj" /></ItemGroup>""";
        temp.Write("src/Api/Api.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk.Web\">{Reference}</Project>\n");
        temp.Write("src/Admin/Admin.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk.Web\">{Reference}</Project>\n");
        temp.Write("src/Worker/Worker.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>{Reference}</Project>\n");
        temp.Write("src/Shared/Shared.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        temp.Write("src/Shared.Tests/Shared.Tests.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><IsTestProject>true</IsTestProject></PropertyGroup>{Reference}</Project>\n");
        foreach (var web in new[] { "Api", "Admin" })
        {
            temp.Write($"src/{web}/Program.cs", $"var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => \"{web} of \" + Shared.Names.Shop);\napp.Run();\n");
        }

        temp.Write("src/Worker/Program.cs", "Console.WriteLine(\"Worker of \" + Shared.Names.Shop);\n");
        temp.Write("src/Shared/Names.cs", "namespace Shared;\n\npublic static class Names\n{\n    public const string Shop = \"shop\";\n}\n");
        temp.Write("src/Shared.Tests/Program.cs", "Console.WriteLine(Shared.Names.Shop.Length);\n");
        DotNet.Run(temp.Path, "new", "sln", "-n", "Shop", "--format", "sln").EnsureSuccess("dotnet new sln");
        DotNet.Run(temp.Path, new[] { "sln", "Shop.sln", "add" }.Concat(Services.Append("Shared").Append("Shared.Tests").Select(p => $"src/{p}/{p}.csproj")).ToArray())
            .EnsureSuccess("dotnet sln add");
    }
}
