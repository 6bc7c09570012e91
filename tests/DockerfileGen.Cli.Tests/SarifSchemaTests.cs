using DockerfileGen.Testing;

namespace DockerfileGen.Cli.Tests;

/// <summary>
/// The SARIF log validates against the SARIF 2.1.0 JSON schema (the copy Microsoft's SARIF SDK for JavaScript ships,
/// checked by ajv), not only in its shape. Needs node and npm; skips, saying why, without them (CI installs both and
/// sets DOCKERFILEGEN_REQUIRE_ORACLES=1, which turns the skip into a failure).
/// </summary>
[Trait("Category", "oracle")]
public sealed class SarifSchemaTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "DockerfileGen.Cli.Tests", "Sarif");
    private static readonly Lazy<string> NodeModules = new(() =>
        ProcessRunner.Run("bash", new[] { Path.Combine(Folder, "install.sh") }, Folder, TimeSpan.FromMinutes(5))
            .EnsureSuccess("Sarif/install.sh").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim());

    private readonly TempDirectory temp = new("dfg-sarif");

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public void SarifLogOfSeveralFilesValidatesAgainstTheSarif210Schema()
    {
        SkipWithoutNode();
        temp.Write("src/Api/Dockerfile", "FROM ubuntu\nWORKDIR app\nEXPOSE 99999\nRUN apt-get install curl\nHEALTHCHECK CMD curl -f http://localhost/\n");
        temp.Write("src/Worker/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nUSER app\nENTRYPOINT [\"dotnet\", \"Worker.dll\"]\n");
        temp.Write("src/Clean/Dockerfile", "FROM alpine:3.20\nUSER 65534\nCMD [\"sh\"]\n");
        temp.Write("src/Clean/.dockerignore", ".git\n");
        var output = new StringWriter();

        var code = LintCommand.Run(new[] { "lint", "src/**/Dockerfile", "--format", "sarif", "--severity", "DFG2038=info" }, output, new StringWriter(), temp.Path);

        Assert.Equal(1, code);
        Assert.Contains("\"level\": \"note\"", output.ToString());
        Assert.Contains("\"level\": \"error\"", output.ToString());
        var log = temp.Write("log.sarif", output.ToString());
        var result = ProcessRunner.Run("node", new[] { Path.Combine(Folder, "validate-sarif.js"), log }, Folder, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["NODE_PATH"] = NodeModules.Value });
        Assert.True(result.ExitCode == 0, "The SARIF log does not validate:\n" + result.Output);
        Assert.Contains("valid: Static Analysis Results Format (SARIF) Version 2.1.0", result.Output);
    }

    [SkippableFact]
    public void TheSchemaCheckRejectsAnInvalidLog()
    {
        SkipWithoutNode();
        var log = temp.Write("bad.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\", \"rules\": [{\"id\": \"R\", \"helpUri\": \"not a uri\"}]}}, \"results\": [{\"message\": {}, \"level\": \"fatal\"}]}]}");

        var result = ProcessRunner.Run("node", new[] { Path.Combine(Folder, "validate-sarif.js"), log }, Folder, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["NODE_PATH"] = NodeModules.Value });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("helpUri", result.Output);
        Assert.Contains("level", result.Output);
    }

    private static void SkipWithoutNode()
    {
        string? reason = null;
        try
        {
            if (ProcessRunner.Run("npm", new[] { "--version" }, Folder, TimeSpan.FromSeconds(60)).ExitCode != 0)
            {
                reason = "npm --version failed";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            reason = "node and npm are not installed (the SARIF schema check runs ajv on node)";
        }

        if (reason is not null && Environment.GetEnvironmentVariable("DOCKERFILEGEN_REQUIRE_ORACLES") == "1")
        {
            Assert.Fail("DOCKERFILEGEN_REQUIRE_ORACLES=1 but " + reason);
        }

        Skip.If(reason is not null, reason);
    }
}
