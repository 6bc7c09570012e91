using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// A web app with <c>DockerfileGenHealthCheck=probe</c> on a chiseled image, which has no shell and no curl: the
/// generated <c>HEALTHCHECK</c> runs the app itself in probe mode, and the engine reports the container healthy while
/// the health endpoint answers 200 and unhealthy while it answers 503.
/// </summary>
[Trait("Category", "engine")]
[Collection(PackedPackageCollection.Name)]
public sealed class HealthProbeImageTests
{
    private const string FinalImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra";

    // The health check fails while UNHEALTHY_FOR_TEST=1, so the same image shows both outcomes.
    private const string Program = """
        using Microsoft.Extensions.Diagnostics.HealthChecks;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks().AddCheck("switch", () =>
            Environment.GetEnvironmentVariable("UNHEALTHY_FOR_TEST") == "1" ? HealthCheckResult.Unhealthy("switched off") : HealthCheckResult.Healthy());
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.MapGet("/", () => "hello");
        app.Run();
        """;

    private readonly PackedPackage package;

    public HealthProbeImageTests(PackedPackage package) => this.package = package;

    [SkippableFact]
    public void ProbeHealthCheckReportsHealthyFor200AndUnhealthyFor503WithoutAShell()
    {
        var why = ContainerEngine.WhyUnavailableWith(FinalImage);
        Skip.If(why is not null, why);
        using var temp = new TempDirectory("dfg-engine");
        var gateway = StaticNuGetFeed.BridgeGateway(temp.Path);
        Skip.If(gateway is null, "the engine has no bridge network (dockerd --bridge=none): a build cannot reach the test's NuGet feed on the host");

        // The probe is compiled into the app by DockerfileGen's generator, so the image's own build must restore
        // the package (unlike the samples, whose reference is left out inside the container).
        temp.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ContainerFamily>noble-chiseled</ContainerFamily>
                <DockerfileGenHealthCheck>probe</DockerfileGenHealthCheck>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DockerfileGen" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        temp.Write("App/Program.cs", Program);
        var directory = Path.Combine(temp.Path, "App");
        // Restore alone (nothing is generated yet) puts DockerfileGen into the packages folder the feed serves.
        DotNet.Run(directory, new[] { "restore" }.Concat(package.FeedArguments).ToArray()).EnsureSuccess("dotnet restore of the app (DockerfileGen from the private feed)");

        // The image's restore reaches no registry: the project's NuGet.config names a feed served from the packages
        // the host just restored, DockerfileGen among them.
        using var feed = new StaticNuGetFeed(gateway!);
        feed.AddPackagesFolder(package.PackagesFolder);
        feed.WriteOnlySourceConfig(directory);
        var build = package.Build(directory).EnsureSuccess("dotnet build of the app (generates the Dockerfile)");
        Assert.DoesNotContain("warning DFG", build.Output);

        var dockerfilePath = Path.Combine(directory, "Dockerfile");
        var dockerfile = File.ReadAllText(dockerfilePath);
        Assert.Contains($"\nFROM {FinalImage} AS final\n", dockerfile);
        Assert.Contains("\nHEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"./App\", \"--dockerfilegen-probe\"]\n", dockerfile);
        Assert.Contains("\"NuGet.config\"", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));

        var tag = Guid.NewGuid().ToString("N").Substring(0, 8);
        var image = "dfg-test-probe:" + tag;
        var healthy = "dfg-test-probe-healthy-" + tag;
        var unhealthy = "dfg-test-probe-unhealthy-" + tag;
        try
        {
            ContainerEngine.BuildFromHeader(dockerfilePath, image);
            // The image's own restore read the feed. The package itself may already be in the builder's NuGet cache
            // mount, from another image of this run that restored the same version; the probe answering below proves
            // it was compiled into the app.
            Assert.NotEmpty(feed.RequestsFromContainers(temp.Path));

            var check = ContainerEngine.Run(directory, "image", "inspect", "--format", "{{json .Config.Healthcheck.Test}}", image).EnsureSuccess("docker image inspect").Output.Trim();
            Assert.Equal("[\"CMD\",\"./App\",\"--dockerfilegen-probe\"]", check);

            // The generated interval is 30 s; --health-interval only shortens the wait for the test. The command the
            // engine runs is still the image's own HEALTHCHECK.
            ContainerEngine.Run(directory, "run", "-d", "--name", healthy, "--health-interval=2s", "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run");
            ContainerEngine.Run(directory, "run", "-d", "--name", unhealthy, "--health-interval=2s", "-e", "UNHEALTHY_FOR_TEST=1", "-p", "127.0.0.1::8080", image).EnsureSuccess("docker run (unhealthy)");

            var (status, exitCodes, log) = WaitForHealth(directory, healthy, "healthy", TimeSpan.FromSeconds(90));
            Assert.True(status == "healthy", $"health status {status}; probe runs:\n{log}");
            Assert.Equal(0, exitCodes[^1]);
            Assert.Equal(HttpStatusCode.OK, HttpProbe.Get($"http://{Port(directory, healthy)}/healthz", TimeSpan.FromSeconds(10)).Status);

            (status, exitCodes, log) = WaitForHealth(directory, unhealthy, "unhealthy", TimeSpan.FromSeconds(90));
            Assert.True(status == "unhealthy", $"health status {status}; probe runs:\n{log}");

            // Exit code 1 is the probe's answer to a non-2xx status; a command the engine could not start would be -1 or 126/127.
            Assert.All(exitCodes, code => Assert.Equal(1, code));
            var answer = HttpProbe.Get($"http://{Port(directory, unhealthy)}/healthz", TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);

            // Still running: unhealthy is the probe's verdict, not a crash.
            Assert.Equal("true", ContainerEngine.Run(directory, "inspect", "--format", "{{.State.Running}}", unhealthy).EnsureSuccess("docker inspect").Output.Trim());
        }
        finally
        {
            ContainerEngine.Run(temp.Path, "rm", "-f", healthy, unhealthy);
            ContainerEngine.Run(temp.Path, "rmi", "-f", image);
        }
    }

    private static string Port(string directory, string container) =>
        ContainerEngine.Run(directory, "port", container, "8080/tcp").EnsureSuccess("docker port").Output.Trim().Split('\n')[0];

    /// <summary>Polls the container's health status until it is <paramref name="expected"/> or time runs out.</summary>
    private static (string Status, int[] ExitCodes, string Log) WaitForHealth(string directory, string container, string expected, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        var status = "";
        var exitCodes = Array.Empty<int>();
        var log = "";
        while (clock.Elapsed < patience)
        {
            var inspect = ContainerEngine.Run(directory, "inspect", "--format", "{{json .State.Health}}", container).EnsureSuccess("docker inspect").Output.Trim();
            Assert.True(inspect != "null", "the container has no health state: the image has no HEALTHCHECK");
            using var health = JsonDocument.Parse(inspect);
            status = health.RootElement.GetProperty("Status").GetString() ?? "";
            exitCodes = health.RootElement.GetProperty("Log").EnumerateArray().Select(e => e.GetProperty("ExitCode").GetInt32()).ToArray();
            log = string.Join('\n', health.RootElement.GetProperty("Log").EnumerateArray().Select(e => $"exit {e.GetProperty("ExitCode").GetInt32()}: {e.GetProperty("Output").GetString()?.Trim()}"));
            if (status == expected)
            {
                Console.WriteLine($"{container}: {status} after {clock.Elapsed.TotalSeconds:0.0} s");
                break;
            }

            Thread.Sleep(1000);
        }

        return (status, exitCodes, log);
    }
}
