using System.Text.Json;
using DockerfileGen.Testing;

namespace DockerfileGen.EndToEnd.Tests;

/// <summary>
/// The dockerfilegen tool as users get it: packed as a tool package, installed with <c>dotnet tool install
/// --tool-path</c> from a private feed (and a private packages folder, so no earlier build is picked up), then run.
/// </summary>
[Trait("Category", "build")]
public sealed class CliToolTests : IDisposable
{
    private readonly TempDirectory temp = new("dfg-cli-e2e");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void PackedToolInstallsAndLints()
    {
        var feed = Path.Combine(temp.Path, "feed");
        DotNet.Run(
                RepoPaths.Root,
                "pack", Path.Combine(RepoPaths.Root, "src", "DockerfileGen.Cli", "DockerfileGen.Cli.csproj"),
                "--no-build", "-c", RepoPaths.Configuration, "-o", feed, "-nodeReuse:false")
            .EnsureSuccess("dotnet pack of the tool");
        var nupkg = Path.GetFileName(Directory.GetFiles(feed, "DockerfileGen.Cli.*.nupkg").Single());
        var version = nupkg.Substring("DockerfileGen.Cli.".Length, nupkg.Length - "DockerfileGen.Cli.".Length - ".nupkg".Length);

        var tools = Path.Combine(temp.Path, "tools");
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(temp.Path, "packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        ProcessRunner.Run("dotnet", new[] { "tool", "install", "DockerfileGen.Cli", "--tool-path", tools, "--add-source", feed, "--version", version }, temp.Path, TimeSpan.FromMinutes(5), environment)
            .EnsureSuccess("dotnet tool install");
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "dockerfilegen.exe" : "dockerfilegen");

        temp.Write("app/Dockerfile", "FROM ubuntu\nEXPOSE 99999\n");
        var text = ProcessRunner.Run(tool, new[] { "lint", "app/Dockerfile" }, temp.Path, TimeSpan.FromMinutes(2), environment);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("app/Dockerfile(2,8): error DFG1008: ", text.Output);
        Assert.Contains("app/Dockerfile(1,1): warning DFG2001: ", text.Output);

        var sarif = ProcessRunner.Run(tool, new[] { "lint", "app/Dockerfile", "--format", "sarif" }, temp.Path, TimeSpan.FromMinutes(2), environment);
        using var log = JsonDocument.Parse(sarif.Output);
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Equal(version, log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());

        temp.Write("clean/Dockerfile", "FROM alpine:3.20\nUSER nobody\nCMD [\"sh\"]\n");
        Assert.Equal(0, ProcessRunner.Run(tool, new[] { "lint", "clean/Dockerfile" }, temp.Path, TimeSpan.FromMinutes(2), environment).ExitCode);
    }
}
