using System.Text.Json;
using DockerfileGen.Testing;

namespace DockerfileGen.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private const string Smelly = "FROM ubuntu\nWORKDIR app\nEXPOSE 99999\n";
    private readonly TempDirectory temp = new("dfg-cli");

    public void Dispose() => temp.Dispose();

    private (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = LintCommand.Run(args, output, error, temp.Path);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void TextOutputIsMSBuildsCanonicalFormatAndErrorsExitWithOne()
    {
        temp.Write("Dockerfile", Smelly);

        var (code, output, _) = Run("lint", "Dockerfile");

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Dockerfile(1,1): warning DFG2001: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dockerfile(2,9): warning DFG1006: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Dockerfile(3,8): error DFG1008: ", StringComparison.Ordinal));
    }

    [Fact]
    public void CleanDockerfileExitsWithZero()
    {
        temp.Write("Dockerfile", "FROM alpine:3.20\nUSER nobody\nCMD [\"sh\"]\n");
        temp.Write(".dockerignore", ".git\n**/bin\n**/obj\n.env\n.vs\n");

        var (code, output, _) = Run("lint", "Dockerfile");

        Assert.Equal(0, code);
        Assert.Equal("", output);
    }

    [Fact]
    public void WarningsAloneExitWithZero()
    {
        temp.Write("Dockerfile", "FROM ubuntu\nUSER nobody\n");

        Assert.Equal(0, Run("lint", "Dockerfile").ExitCode);
    }

    [Fact]
    public void JsonOutputListsFindingsWithPositions()
    {
        temp.Write("Dockerfile", Smelly);

        var (_, output, _) = Run("lint", "Dockerfile", "--format", "json");

        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var port = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "DFG1008");
        Assert.Equal("error", port.GetProperty("severity").GetString());
        Assert.Equal(3, port.GetProperty("line").GetInt32());
        Assert.Equal(8, port.GetProperty("column").GetInt32());
    }

    [Fact]
    public void SarifOutputIsAValidSarif210Log()
    {
        temp.Write("docker/Dockerfile", Smelly);

        var (code, output, _) = Run("lint", "docker/Dockerfile", "--format", "sarif");

        Assert.Equal(1, code);
        using var sarif = JsonDocument.Parse(output);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("DockerfileGen", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "DFG1008");
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[ruleIndex].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("docker/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
        }
    }

    [Fact]
    public void ContextSeverityAndRegistriesAreOptions()
    {
        temp.Write("ctx/.dockerignore", "secrets\n");
        temp.Write("Dockerfile", "FROM ubuntu:24.04\nUSER nobody\nCOPY secrets/a.json /a.json\nRUN cd /tmp\n");

        var (code, output, _) = Run("lint", "Dockerfile", "--context", "ctx", "--severity", "DFG2010=none", "--allowed-registries", "mcr.microsoft.com");

        Assert.Equal(1, code);
        Assert.Contains("error DFG2017", output);
        Assert.Contains("error DFG2002", output);
        Assert.DoesNotContain("DFG2010", output);
    }

    [Fact]
    public void ProjectFactsCanBeGiven()
    {
        temp.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nENTRYPOINT [\"dotnet\", \"Other.dll\"]\n");

        var (_, output, _) = Run("lint", "Dockerfile", "--target-framework", "net8.0", "--assembly-name", "App");

        Assert.Contains("error DFG3002", output);
        Assert.Contains("error DFG3009", output);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint missing/Dockerfile")]
    [InlineData("lint Dockerfile --format xml")]
    [InlineData("lint Dockerfile --context")]
    [InlineData("lint Dockerfile other")]
    [InlineData("format Dockerfile")]
    [InlineData("")]
    public void UsageErrorsExitWithTwo(string commandLine)
    {
        temp.Write("Dockerfile", "FROM alpine:3.20\n");

        Assert.Equal(2, Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ExitCode);
    }
}
