using DockerfileGen.Diagnostics;
using DockerfileGen.Model;
using DockerfileGen.ImageBuild;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// Every unusable value stops generation with a coded error that names the setting, the value and what would be valid,
/// and no file content is produced.
/// </summary>
public sealed class BadInputTableTests
{
    private static ProjectFacts Web(ContainerSettings container) => Facts.WebApi() with { Container = container };

    private static GenerationOptions Options(Func<GenerationOptions, GenerationOptions> change) => change(new GenerationOptions());

    /// <summary>Name, facts, options, the expected code, and words the message must contain.</summary>
    public static TheoryData<string, ProjectFacts, GenerationOptions, string, string[]> Table() => new()
    {
        { "unknown family", Web(new() { Family = "bogus" }), new(), "DFG0020", new[] { "ContainerFamily", "bogus", "nearest" } },
        { "family misspelled", Web(new() { Family = "noble-chiseld" }), new(), "DFG0020", new[] { "noble-chiseld", "noble-chiseled" } },
        { "family from another version", Web(new() { Family = "bookworm-slim" }), new(), "DFG0020", new[] { "bookworm-slim", "noble" } },
        { "composite on runtime", Facts.Console("10.0") with { Container = new() { Family = "noble-chiseled-composite" } }, new(), "DFG0020", new[] { "runtime:10.0-noble-chiseled-composite" } },
        { "extra on a full image", Web(new() { Family = "azurelinux3.0-extra" }), new(), "DFG0020", new[] { "azurelinux3.0-extra" } },
        { "unknown .NET version", Facts.WebApi("12.0"), new(), "DFG0021", new[] { ".NET 12.0", "ContainerBaseImage", "DockerfileGenSdkImage" } },
        { "base image with spaces", Web(new() { BaseImage = "my image:1" }), new(), "DFG0022", new[] { "ContainerBaseImage", "my image:1" } },
        { "base image without tag", Web(new() { BaseImage = "mcr.microsoft.com/dotnet/aspnet" }), new(), "DFG0022", new[] { "ContainerBaseImage", "repository:tag" } },
        { "base image upper case", Web(new() { BaseImage = "Registry/MyImage:1" }), new(), "DFG0022", new[] { "Registry/MyImage:1" } },
        { "sdk image unparsable", Facts.WebApi(), Options(o => o with { SdkImage = "sdk:10.0:extra" }), "DFG0022", new[] { "DockerfileGenSdkImage", "sdk:10.0:extra" } },
        { "port not a number", Web(new() { Ports = new[] { new ContainerPortSpec("http", "") } }), new(), "DFG0023", new[] { "ContainerPort", "'http'", "65535" } },
        { "port zero", Web(new() { Ports = new[] { new ContainerPortSpec("0", "") } }), new(), "DFG0023", new[] { "'0'", "1 to 65535" } },
        { "port too large", Web(new() { Ports = new[] { new ContainerPortSpec("70000", "tcp") } }), new(), "DFG0023", new[] { "'70000'" } },
        { "port negative", Web(new() { Ports = new[] { new ContainerPortSpec("-1", "") } }), new(), "DFG0023", new[] { "'-1'" } },
        { "port protocol", Web(new() { Ports = new[] { new ContainerPortSpec("8080", "sctp") } }), new(), "DFG0023", new[] { "sctp", "tcp", "udp" } },
        { "user with spaces", Web(new() { User = "app user" }), new(), "DFG0024", new[] { "ContainerUser", "'app user'", "without spaces" } },
        { "user with three parts", Web(new() { User = "a:b:c" }), new(), "DFG0024", new[] { "'a:b:c'" } },
        { "relative working directory", Web(new() { WorkingDirectory = "app" }), new(), "DFG0025", new[] { "ContainerWorkingDirectory", "'app'", "absolute" } },
        { "working directory with a space", Web(new() { WorkingDirectory = "/my app" }), new(), "DFG0025", new[] { "'/my app'" } },
        { "environment name with a dash", Web(new() { EnvironmentVariables = new[] { new NamedValue("MY-VAR", "1") } }), new(), "DFG0026", new[] { "ContainerEnvironmentVariable", "MY-VAR" } },
        { "environment name starting with a digit", Web(new() { EnvironmentVariables = new[] { new NamedValue("1VAR", "1") } }), new(), "DFG0026", new[] { "1VAR" } },
        { "environment value with a line break", Web(new() { EnvironmentVariables = new[] { new NamedValue("A", "x\ny") } }), new(), "DFG0026", new[] { "line break" } },
        { "label name with a space", Web(new() { Labels = new[] { new NamedValue("my label", "1") } }), new(), "DFG0026", new[] { "ContainerLabel", "my label" } },
        { "secret in an environment variable", Web(new() { EnvironmentVariables = new[] { new NamedValue("DB_PASSWORD", "hunter2") } }), new(), "DFG0027", new[] { "DB_PASSWORD", "docker run -e" } },
        { "secret in a build argument", Facts.WebApi(), Options(o => o with { BuildArgs = new[] { new BuildArgument("NUGET_TOKEN", "") } }), "DFG0027", new[] { "NUGET_TOKEN", "DockerfileGenBuildSecret" } },
        { "password in a connection string", Web(new() { EnvironmentVariables = new[] { new NamedValue("ConnectionStrings__Default", "Server=db;Password=hunter2") } }), new(), "DFG0027", new[] { "ConnectionStrings__Default", "connection string's password", "docker run -e" } },
        { "token in a URL of a label", Web(new() { Labels = new[] { new NamedValue("com.example.hook", "https://hooks.example.com/x?access_token=abc") } }), new(), "DFG0027", new[] { "ContainerLabel", "com.example.hook", "token in a URL" } },
        { "password in a build argument's default", Facts.WebApi(), Options(o => o with { BuildArgs = new[] { new BuildArgument("FEED", "") { Default = "https://ci:s3cret@pkgs.example.com" } } }), "DFG0027", new[] { "FEED", "password in a URL" } },
        { "unknown command instruction", Web(new() { AppCommandInstruction = "Run" }), new(), "DFG0028", new[] { "ContainerAppCommandInstruction", "'Run'", "Entrypoint", "Cmd", "DefaultArgs" } },
        { "default args without any", Web(new() { AppCommandInstruction = "DefaultArgs" }), new(), "DFG0028", new[] { "ContainerDefaultArgs" } },
        { "empty command word", Web(new() { AppCommand = new[] { "" } }), new(), "DFG0028", new[] { "ContainerAppCommand" } },
        { "os packages on chiseled", Web(new() { Family = "noble-chiseled" }), Options(o => o with { OsPackages = new[] { new OsPackage("curl", "") } }), "DFG0029", new[] { "curl", "chiseled", "ContainerFamily", "Stage" } },
        { "os packages on distroless", Web(new() { Family = "azurelinux3.0-distroless" }), Options(o => o with { OsPackages = new[] { new OsPackage("tzdata", "final") } }), "DFG0029", new[] { "tzdata", "distroless" } },
        { "os package name with a space", Facts.WebApi(), Options(o => o with { OsPackages = new[] { new OsPackage("lib gdiplus", "") } }), "DFG0030", new[] { "lib gdiplus", "Stage" } },
        { "os package for an unknown stage", Facts.WebApi(), Options(o => o with { OsPackages = new[] { new OsPackage("git", "test") } }), "DFG0030", new[] { "git", "'test'", "final", "build" } },
        { "AOT on .NET 6", Facts.Console("6.0") with { PublishAot = true }, new(), "DFG0031", new[] { "PublishAot", ".NET 7" } },
        { "AOT for ASP.NET Core on .NET 7", Facts.WebApi("7.0") with { PublishAot = true }, new(), "DFG0031", new[] { "ASP.NET Core", ".NET 8" } },
        { "musl runtime with a glibc family", Web(new() { Family = "noble", RuntimeIdentifiers = new[] { "linux-musl-x64" } }), new(), "DFG0032", new[] { "ContainerFamily 'noble'", "linux-musl-x64", "alpine" } },
        { "alpine family with a glibc runtime", Web(new() { Family = "alpine", RuntimeIdentifiers = new[] { "linux-x64" } }), new(), "DFG0032", new[] { "alpine", "linux-x64", "linux-musl-x64" } },
        { "single file without an apphost", Facts.Console("10.0") with { PublishSingleFile = true, UseAppHost = false }, new(), "DFG0032", new[] { "PublishSingleFile", "UseAppHost" } },
        { "two digests", Web(new() { BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0@sha256:" + new string('a', 64) }), Options(o => o with { BaseImageDigest = "sha256:" + new string('b', 64) }), "DFG0032", new[] { "DockerfileGenBaseImageDigest", "ContainerBaseImage" } },
        { "short digest", Facts.WebApi(), Options(o => o with { BaseImageDigest = "sha256:abc" }), "DFG0033", new[] { "DockerfileGenBaseImageDigest", "sha256:abc", "64" } },
        { "digest without algorithm", Facts.WebApi(), Options(o => o with { SdkImageDigest = new string('a', 64) }), "DFG0033", new[] { "DockerfileGenSdkImageDigest" } },
        { "mirror with a scheme", Facts.WebApi(), Options(o => o with { ImageRegistry = "https://registry.example.com" }), "DFG0034", new[] { "DockerfileGenImageRegistry", "https://registry.example.com", "without scheme" } },
        { "instruction for an unknown stage", Facts.WebApi(), Options(o => o with { Instructions = new[] { new InjectedInstruction("x", "RUN true", "runtime", "") } }), "DFG0035", new[] { "'x'", "Stage 'runtime'", "build, test or final" } },
        { "instruction at an unknown point", Facts.WebApi(), Options(o => o with { Instructions = new[] { new InjectedInstruction("x", "RUN true", "build", "BeforeCopy") } }), "DFG0035", new[] { "Point 'BeforeCopy'", "AfterRestore" } },
        { "instruction that starts a stage", Facts.WebApi(), Options(o => o with { Instructions = new[] { new InjectedInstruction("x", "FROM alpine:3.20", "final", "End") } }), "DFG0035", new[] { "FROM alpine:3.20", "one Dockerfile instruction" } },
        { "instruction that is no instruction", Facts.WebApi(), Options(o => o with { Instructions = new[] { new InjectedInstruction("x", "INSTALL curl", "final", "End") } }), "DFG0035", new[] { "INSTALL curl" } },
        { "instruction on two lines", Facts.WebApi(), Options(o => o with { Instructions = new[] { new InjectedInstruction("x", "RUN a\nRUN b", "final", "End") } }), "DFG0035", new[] { "one line" } },
        { "test-stage instruction without tests", Facts.WebApi(), Options(o => o with { Instructions = new[] { new InjectedInstruction("x", "RUN true", "test", "End") } }), "DFG0035", new[] { "DockerfileGenTestProject" } },
        { "unknown health check", Facts.WebApi(), Options(o => o with { HealthCheck = "curl" }), "DFG0036", new[] { "DockerfileGenHealthCheck", "'curl'", "none", "wget", "probe" } },
        { "wget health check without wget", Facts.WebApi(), Options(o => o with { HealthCheck = "wget" }), "DFG0036", new[] { "wget", "probe", "Alpine" } },
        { "health check for a console app", Facts.Console("10.0"), Options(o => o with { HealthCheck = "probe" }), "DFG0036", new[] { "HTTP" } },
        { "health check path without a slash", Facts.WebApi(), Options(o => o with { HealthCheck = "probe", HealthCheckPath = "healthz" }), "DFG0036", new[] { "DockerfileGenHealthCheckPath", "'healthz'" } },
        { "test project outside the project folder", Facts.WebApi(), Options(o => o with { TestProjects = new[] { "../tests/Api.Tests.csproj" } }), "DFG0037", new[] { "../tests/Api.Tests.csproj", "DockerfileGenReadProjectGraph" } },
        { "windows runtime identifier", Web(new() { RuntimeIdentifiers = new[] { "win-x64" } }), new(), "DFG0038", new[] { "win-x64", "linux-x64" } },
        { "musl and glibc runtime identifiers", Web(new() { RuntimeIdentifiers = new[] { "linux-x64", "linux-musl-x64" } }), new(), "DFG0038", new[] { "linux-x64;linux-musl-x64", "one image" } },
        { "build argument name with a dash", Facts.WebApi(), Options(o => o with { BuildArgs = new[] { new BuildArgument("BUILD-NUMBER", "") } }), "DFG0059", new[] { "BUILD-NUMBER" } },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryBadValueIsACodedErrorThatSaysWhatIsValid(string name, ProjectFacts facts, GenerationOptions options, string code, string[] words)
    {
        var result = DockerfileGenerator.Generate(facts, options);

        Assert.False(result.Succeeded, name);
        Assert.Null(result.Dockerfile);
        Assert.Null(result.IgnoreFile);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, error.Code);
        foreach (var word in words)
        {
            Assert.Contains(word, error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void TheTableHasAtLeastThirtyRowsAndUsesEveryNewCode()
    {
        var rows = Table().Select(row => (string)row[3]).ToList();

        Assert.True(rows.Count >= 30, $"{rows.Count} rows");
        foreach (var code in Enumerable.Range(20, 19).Select(n => $"DFG00{n}"))
        {
            Assert.Contains(code, rows);
        }
    }

    [Fact]
    public void RootIsAllowedAndWarnedOnceNamingTheSetting()
    {
        var result = DockerfileGenerator.Generate(Web(new() { User = "root" }), new GenerationOptions());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("\nUSER root\n", result.Dockerfile!.Content);

        // One warning for one choice: the validator's, which names the setting instead of blaming DockerfileGen.
        var finding = Assert.Single(DockerfileGen.Validation.DockerfileValidator.Validate(result.Dockerfile.Content).Findings);
        Assert.Equal("DFG2003", finding.RuleId);
        var message = DockerfileGen.Validation.GeneratedFindings.Explain(finding, result.Origins, new DockerfileGen.Validation.ValidationOptions());
        Assert.Contains("This comes from ContainerUser 'root' in the project", message);
        Assert.DoesNotContain("bug", message);
    }

    [Fact]
    public void ASecretValueIsNeverRepeatedInTheMessage()
    {
        var result = DockerfileGenerator.Generate(Web(new() { EnvironmentVariables = new[] { new NamedValue("ConnectionStrings__Default", "Server=db;Pwd=hunter2") } }), new GenerationOptions());

        Assert.DoesNotContain("hunter2", Assert.Single(result.Diagnostics).Message);
    }
}
