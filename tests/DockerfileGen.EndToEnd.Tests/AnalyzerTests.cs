using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

/// <summary>The packed analyzer and generator in a real build: facts in the assembly, the health probe, the IDE path.</summary>
[Trait("Category", "build")]
[Collection(PackedPackageCollection.Name)]
public sealed class AnalyzerTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.MapGet("/", () => "hello");
        app.Run();
        """;

    private readonly PackedPackage package;

    public AnalyzerTests(PackedPackage package) => this.package = package;

    private string WriteApp(TempDirectory temp, string extraProperties = "")
    {
        temp.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DockerfileGen" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        temp.Write("App/Program.cs", Program);
        return Path.Combine(temp.Path, "App");
    }

    [Fact]
    public void HealthProbeAnswersForTheLiveAppAndFailsOnADeadPort()
    {
        using var temp = new TempDirectory("dfg-probe");
        var directory = WriteApp(temp, "<DockerfileGenHealthCheck>probe</DockerfileGenHealthCheck>");

        var build = package.Build(directory, "-c", "Release").EnsureSuccess("build of the probe app");

        Assert.Contains(" 0 Warning(s)", build.Output);
        var assembly = Path.Combine(directory, "bin", "Release", "net10.0", "App.dll");
        var metadata = AssemblyMetadata(assembly);
        Assert.Equal("/healthz", metadata["DockerfileGen.HealthPath"]);
        Assert.Equal("--dockerfilegen-probe", metadata["DockerfileGen.HealthProbeArgument"]);
        Assert.Contains("\nHEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"./App\", \"--dockerfilegen-probe\"]\n", File.ReadAllText(Path.Combine(directory, "Dockerfile")));

        var port = FreePort();
        var environment = new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ASPNETCORE_URLS"] = "" };
        using var app = Start(assembly, environment);
        try
        {
            // The probe is the readiness check: it answers 1 until Kestrel listens, then 0.
            var deadline = Stopwatch.StartNew();
            var exitCode = 1;
            while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !app.HasExited)
            {
                exitCode = Probe(assembly, environment).ExitCode;
                if (exitCode == 0)
                {
                    break;
                }

                Thread.Sleep(500);
            }

            Assert.Equal(0, exitCode);

            var dead = new Dictionary<string, string>(environment) { ["ASPNETCORE_HTTP_PORTS"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var timer = Stopwatch.StartNew();
            Assert.Equal(1, Probe(assembly, dead).ExitCode);
            Assert.True(timer.Elapsed < TimeSpan.FromSeconds(20), $"the probe of a dead port took {timer.Elapsed}");
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            app.WaitForExit();
        }
    }

    [Fact]
    public void PortsTheCodeBindsDriveExposeAndAChangedPortRegenerates()
    {
        using var temp = new TempDirectory("dfg-ports");
        var directory = WriteApp(temp);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program.Replace("app.Run();", "app.Urls.Add(\"http://+:5005\");\napp.Run();"));

        var first = package.Build(directory).EnsureSuccess("build of an app that binds its own port");
        Assert.DoesNotContain("warning DFG", first.Output);
        var dockerfile = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
        Assert.Contains("\nEXPOSE 5005\n", dockerfile);
        Assert.Contains("\nENV ASPNETCORE_HTTP_PORTS=\"5005\"\n", dockerfile);

        // A code edit that changes no fact leaves the Dockerfile alone; one that changes the port regenerates it.
        var written = File.GetLastWriteTimeUtc(Path.Combine(directory, "Dockerfile"));
        File.AppendAllText(Path.Combine(directory, "Program.cs"), "\n// an edit\n");
        var unchanged = package.Build(directory).EnsureSuccess("build after an edit that changes no fact");
        Assert.DoesNotContain("DockerfileGen: wrote", unchanged.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(directory, "Dockerfile")));

        File.WriteAllText(Path.Combine(directory, "Program.cs"), File.ReadAllText(Path.Combine(directory, "Program.cs")).Replace("5005", "5006"));
        package.Build(directory).EnsureSuccess("build after the port changed");
        Assert.Contains("\nEXPOSE 5006\n", File.ReadAllText(Path.Combine(directory, "Dockerfile")));
    }

    [Fact]
    public void DesignTimeBuildReportsDockerfileFindingsFromTheAnalyzer()
    {
        using var temp = new TempDirectory("dfg-ide");
        var directory = WriteApp(temp, "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>");
        File.WriteAllText(Path.Combine(directory, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:latest\nUSER $APP_UID\nENTRYPOINT [\"./App\"]\n");
        File.WriteAllText(Path.Combine(directory, ".dockerignore"), "*\n");
        var build = package.Build(directory, "-v:d").EnsureSuccess("restore and first build");

        // A normal build compiles as if there were no Dockerfile, without even loading the Dockerfile analyzer; its
        // findings come from ValidateDockerfile alone.
        Assert.DoesNotContain("/additionalfile:" + Path.Combine(directory, "Dockerfile"), build.Output);
        Assert.DoesNotContain("DockerfileGen.Analyzers.Dockerfile.dll", build.Output);
        Assert.Contains("Done executing task \"ValidateDockerfile\"", build.Output);

        // The SDK's analyzers and generators come first, so the compiler charges its generator driver's start-up to one
        // of theirs; DockerfileGen's generator runs after them.
        var analyzers = AnalyzerFiles(build.Output);
        Assert.Contains(analyzers, a => a.EndsWith("Microsoft.Interop.LibraryImportGenerator.dll", StringComparison.Ordinal));
        Assert.Equal("DockerfileGen.Analyzers.dll", Path.GetFileName(analyzers[^1]));
        Assert.Single(analyzers, a => Path.GetFileName(a).StartsWith("DockerfileGen.", StringComparison.Ordinal));

        // What an IDE's design-time build passes to the compiler; the generation targets skip such builds.
        var designTime = package.Build(directory, "-p:DesignTimeBuild=true", "--no-restore", "-t:Rebuild", "-v:d").EnsureSuccess("design-time build");

        Assert.Matches(@"Dockerfile\(1,\d+\): warning DFG2001", designTime.Output);
        Assert.Contains("/additionalfile:" + Path.Combine(directory, "Dockerfile"), designTime.Output);
        Assert.Matches(@"/analyzer:\S+/designtime/DockerfileGen\.Analyzers\.Dockerfile\.dll", designTime.Output);
        Assert.Matches(@"/analyzer:\S+/designtime/DockerfileGen\.Core\.dll", designTime.Output);
        Assert.Equal(
            new[] { "DockerfileGen.Analyzers.Dockerfile.dll", "DockerfileGen.Analyzers.dll" },
            AnalyzerFiles(designTime.Output).TakeLast(2).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal));
        // CS8032/CS8034: the compiler could not load an analyzer assembly or create its analyzers.
        Assert.DoesNotContain("CS8032", designTime.Output);
        Assert.DoesNotContain("CS8034", designTime.Output);
        Assert.DoesNotContain("Done executing task \"ValidateDockerfile\"", designTime.Output);
    }

    /// <summary>The analyzer assemblies on the compiler's command line in a detailed build log, in the compiler's order.</summary>
    private static List<string> AnalyzerFiles(string output)
    {
        var commandLine = Assert.Single(output.Split('\n'), line => line.Contains(" /analyzer:", StringComparison.Ordinal));
        return System.Text.RegularExpressions.Regex.Matches(commandLine, @" /analyzer:(?:""([^""]+)""|(\S+))")
            .Select(match => match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
            .ToList();
    }

    private static Dictionary<string, string> AssemblyMetadata(string assembly)
    {
        var context = new AssemblyLoadContext("facts", isCollectible: true);
        try
        {
            return context.LoadFromStream(new MemoryStream(File.ReadAllBytes(assembly)))
                .GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == typeof(AssemblyMetadataAttribute).FullName)
                .ToDictionary(a => (string)a.ConstructorArguments[0].Value!, a => (string)a.ConstructorArguments[1].Value!);
        }
        finally
        {
            context.Unload();
        }
    }

    private static Process Start(string assembly, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(assembly)! };
        info.ArgumentList.Add(assembly);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessResult Probe(string assembly, Dictionary<string, string> environment) =>
        ProcessRunner.Run("dotnet", new[] { assembly, "--dockerfilegen-probe" }, Path.GetDirectoryName(assembly)!, TimeSpan.FromSeconds(30), environment);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
