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
        temp.Write("Dockerfile", "FROM alpine:3.20\nUSER 65534\nCMD [\"sh\"]\n");
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
    [InlineData("lint", "needs the path")]
    [InlineData("lint missing/Dockerfile", "does not exist")]
    [InlineData("lint Dockerfile --format xml", "--format")]
    [InlineData("lint Dockerfile --context", "needs a value")]
    [InlineData("lint Dockerfile --context missing", "not a folder")]
    [InlineData("lint Dockerfile --context Dockerfile", "not a folder")]
    [InlineData("lint docker", "is a folder")]
    [InlineData("lint Dockerfile --target-framework net99", "not a .NET target framework")]
    [InlineData("lint Dockerfile --target-framework netcoreapp", "not a .NET target framework")]
    [InlineData("lint Dockerfile --severity DFG2001=loud", "DFG0010")]
    [InlineData("lint Dockerfile --severity DFG9999=none", "not a rule")]
    [InlineData("lint Dockerfile --frobnicate", "unknown option")]
    [InlineData("lint missing/**/Dockerfile", "matches no file")]
    [InlineData("lint Dockerfile missing/Dockerfile", "does not exist")]
    [InlineData("format Dockerfile", "unknown command")]
    [InlineData("", "Usage")]
    public void UsageErrorsExitWithTwoAndSayWhat(string commandLine, string says)
    {
        temp.Write("Dockerfile", "FROM ubuntu\nCMD x\n");
        temp.Write("docker/Dockerfile", "FROM alpine:3.20\n");

        var (code, output, error) = Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, code);
        Assert.Contains(says, error + output);
        Assert.DoesNotContain("DFG2001", output);
    }

    [Fact]
    public void LintsSeveralFilesAndPatternsInOneRunWithOneExitCode()
    {
        temp.Write("a/Dockerfile", "FROM alpine:3.20\nUSER 1000\nCMD [\"sh\"]\n");
        temp.Write("b/Dockerfile", "FROM ubuntu\nUSER 1000\n");
        temp.Write("c/deep/Dockerfile.prod", "FROM alpine:3.20\nEXPOSE 99999\nUSER 1000\n");
        temp.Write("c/deep/notes.txt", "not a Dockerfile");

        var (code, output, _) = Run("lint", "a/Dockerfile", "b/*", "c/**/Dockerfile*");

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("b/Dockerfile(1,1): warning DFG2001: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("c/deep/Dockerfile.prod(2,8): error DFG1008: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("a/", StringComparison.Ordinal) || l.Contains("notes.txt"));
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("b/", StringComparison.Ordinal)) < Array.FindIndex(lines, l => l.StartsWith("c/", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnAbsolutePatternShowsAbsolutePaths()
    {
        temp.Write("x/y/Dockerfile", "FROM ubuntu\nUSER 1000\n");

        var (code, output, error) = Run("lint", Path.Combine(temp.Path, "x", "**", "Dockerfile"));

        Assert.True(code == 0, error);
        Assert.StartsWith(Path.Combine(temp.Path, "x", "y", "Dockerfile").Replace('\\', '/') + "(1,1): warning DFG2001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningsInEveryFileStillExitWithZero()
    {
        temp.Write("a/Dockerfile", "FROM ubuntu\nUSER 1000\n");
        temp.Write("b/Dockerfile", "FROM debian\nUSER 1000\n");

        Assert.Equal(0, Run("lint", "**/Dockerfile").ExitCode);
    }

    [Fact]
    public void JsonOutputNamesEveryFileAndEachFindingsFile()
    {
        temp.Write("a/Dockerfile", "FROM ubuntu\nUSER 1000\n");
        temp.Write("b/Dockerfile", "FROM alpine:3.20\nUSER 1000\n");

        using var json = JsonDocument.Parse(Run("lint", "*/Dockerfile", "--format", "json").Output);

        Assert.Equal(new[] { "a/Dockerfile", "b/Dockerfile" }, json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("a/Dockerfile", f.GetProperty("file").GetString()));
    }

    [Fact]
    public void SarifRulesCarryAHelpUriAndTheirPageAndSayWhichAreOff()
    {
        temp.Write("Dockerfile", Smelly);

        using var sarif = JsonDocument.Parse(Run("lint", "Dockerfile", "--format", "sarif").Output);

        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DockerfileGen.Validation.DockerfileValidator.Rules.Count, rules.Count);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var uri = new Uri(rule.GetProperty("helpUri").GetString()!);
            Assert.True(uri.IsAbsoluteUri);
            Assert.EndsWith("/" + id + ".md", uri.AbsolutePath, StringComparison.Ordinal);
            Assert.True(File.Exists(uri.LocalPath), $"{uri} does not exist");
            Assert.StartsWith("# " + id, rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        }

        Assert.False(rules.Single(r => r.GetProperty("id").GetString() == "DFG2038").GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean());
        Assert.True(rules.Single(r => r.GetProperty("id").GetString() == "DFG2001").GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void ARuleOffByDefaultRunsWhenGivenASeverity()
    {
        temp.Write("Dockerfile", "FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 1000\n");

        Assert.DoesNotContain("DFG2038", Run("lint", "Dockerfile").Output);
        Assert.Contains("Dockerfile(2,1): info DFG2038", Run("lint", "Dockerfile", "--severity", "DFG2038=info").Output);
    }
}
