using System.Text.Json;
using System.Text.Json.Nodes;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>
/// The SBOM of a real publish checked by tools DockerfileGen does not write: the CycloneDX project's own JSON schema
/// validator (@cyclonedx/cyclonedx-library on node) and the CycloneDX dotnet tool run on the same restored project. Each
/// package-set difference from the tool is one the README explains. Needs node/npm and NuGet for the tools; skips,
/// saying why, without them (CI installs both and sets DOCKERFILEGEN_REQUIRE_ORACLES=1, which makes the skip a failure).
/// </summary>
[Trait("Category", "oracle")]
[Collection(DotNetBuildCollection.Name)]
public sealed class SbomOracleTests : IClassFixture<LayersTargetsTests.Projects>, IDisposable
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "DockerfileGen.Tasks.Tests", "Sbom");

    private static readonly Lazy<(string? Path, string? Reason)> NodeModules = new(() => Install("install.sh", "node and npm (the schema validator is @cyclonedx/cyclonedx-library)"));

    private static readonly Lazy<(string? Path, string? Reason)> CycloneDxTool = new(() => Install("install-cyclonedx.sh", "the CycloneDX dotnet tool (dotnet tool install from the NuGet feed)"));

    private readonly LayersTargetsTests.Projects projects;
    private readonly TempDirectory temp = new("dfg-sbom-oracle");

    public SbomOracleTests(LayersTargetsTests.Projects projects) => this.projects = projects;

    public void Dispose() => temp.Dispose();

    [SkippableTheory]
    [InlineData("framework-dependent")]
    [InlineData("self-contained", "--self-contained")]
    [InlineData("trimmed", "-p:PublishTrimmed=true")]
    public void TheDocumentIsValidCycloneDx16(string mode, params string[] arguments)
    {
        var validator = Require(NodeModules);
        var sbom = SbomTargetsTests.Publish(projects, "schema-" + mode, arguments);

        var result = Validate(validator, sbom);

        Assert.True(result.ExitCode == 0, "The CycloneDX validator rejects the document:\n" + result.Output + "\n" + File.ReadAllText(sbom));
    }

    [SkippableFact]
    public void TheValidatorRejectsADocumentThatBreaksTheSchema()
    {
        var validator = Require(NodeModules);
        var document = JsonNode.Parse(File.ReadAllText(SbomTargetsTests.Publish(projects, "schema-framework-dependent")))!;
        document["components"]![1]!["hashes"]![0]!["content"] = "not hex";
        var broken = temp.Write("broken.cdx.json", document.ToJsonString());

        var result = Validate(validator, broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/components/1/hashes/0/content", result.Output);
    }

    [SkippableFact]
    public void FrameworkDependentPackagesDifferFromTheToolsOnlyByPrivateAssets()
    {
        var tool = Require(CycloneDxTool);
        var ours = SbomTargetsTests.Read(SbomTargetsTests.Publish(projects, "tool-framework-dependent"));
        var theirs = RunTool(tool, "framework-dependent");

        var difference = Compare(ours, theirs);

        Assert.Empty(difference.OnlyOurs);
        var privateAssets = Assert.Single(difference.OnlyTheirs);
        Assert.Equal("Microsoft.CodeAnalysis.Analyzers@3.11.0", privateAssets);
        Assert.Equal("excluded", Scope(theirs, privateAssets));
        AssertSameHashes(ours, theirs);
    }

    [SkippableFact]
    public void SelfContainedPackagesDifferFromTheToolsByTheRuntimePack()
    {
        var tool = Require(CycloneDxTool);
        var ours = SbomTargetsTests.Read(SbomTargetsTests.Publish(projects, "tool-self-contained", "--self-contained"));
        var theirs = RunTool(tool, "self-contained");

        var difference = Compare(ours, theirs);

        Assert.StartsWith("Microsoft.NETCore.App.Runtime.linux-x64@", Assert.Single(difference.OnlyOurs));
        Assert.Equal("Microsoft.CodeAnalysis.Analyzers@3.11.0", Assert.Single(difference.OnlyTheirs));
        AssertSameHashes(ours, theirs);
    }

    [SkippableFact]
    public void TrimmedPackagesDifferFromTheToolsByTheRuntimePackAndTheTrimmersTasks()
    {
        var tool = Require(CycloneDxTool);
        var ours = SbomTargetsTests.Read(SbomTargetsTests.Publish(projects, "tool-trimmed", "-p:PublishTrimmed=true"));
        var theirs = RunTool(tool, "trimmed");

        var difference = Compare(ours, theirs);

        Assert.StartsWith("Microsoft.NETCore.App.Runtime.linux-x64@", Assert.Single(difference.OnlyOurs));
        Assert.Equal(2, difference.OnlyTheirs.Count);
        Assert.Equal("Microsoft.CodeAnalysis.Analyzers@3.11.0", difference.OnlyTheirs[0]);
        Assert.StartsWith("Microsoft.NET.ILLink.Tasks@", difference.OnlyTheirs[1]);
        Assert.All(difference.OnlyTheirs, package => Assert.Equal("excluded", Scope(theirs, package)));
        AssertSameHashes(ours, theirs);
    }

    /// <summary>Runs the tool on Svc as the publish just restored it (no restore of its own), for the image's framework and RID.</summary>
    private JsonElement RunTool(string tool, string name)
    {
        var output = Path.Combine(temp.Path, "tool", name);
        var result = ProcessRunner.Run(tool,
            new[] { Path.Combine(projects.Root, "Svc", "Svc.csproj"), "--disable-package-restore", "--output-format", "Json", "--spec-version", "1.6", "--framework", "net10.0", "--runtime", "linux-x64", "--output", output },
            projects.Root, TimeSpan.FromMinutes(5));
        result.EnsureSuccess("dotnet-CycloneDX");
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "bom.json"))).RootElement;
    }

    private static (List<string> OnlyOurs, List<string> OnlyTheirs) Compare(JsonElement ours, JsonElement theirs)
    {
        var our = SbomTargetsTests.Packages(ours);
        var their = SbomTargetsTests.Packages(theirs);
        Assert.Subset(new HashSet<string>(our), new HashSet<string>(SbomTargetsTests.AppPackages));
        return (our.Except(their).ToList(), their.Except(our).ToList());
    }

    private static string? Scope(JsonElement document, string package) =>
        SbomTargetsTests.Components(document).Single(c => c.GetProperty("name").GetString() + "@" + c.GetProperty("version").GetString() == package)
            .TryGetProperty("scope", out var scope) ? scope.GetString() : null;

    // Both hash the .nupkg as the feed served it.
    private static void AssertSameHashes(JsonElement ours, JsonElement theirs)
    {
        foreach (var package in SbomTargetsTests.AppPackages)
        {
            Assert.Equal(Sha512(theirs, package), Sha512(ours, package), StringComparer.OrdinalIgnoreCase);
        }
    }

    private static string? Sha512(JsonElement document, string package) =>
        SbomTargetsTests.Components(document).Single(c => c.GetProperty("name").GetString() + "@" + c.GetProperty("version").GetString() == package)
            .GetProperty("hashes").EnumerateArray().Single(h => h.GetProperty("alg").GetString() == "SHA-512").GetProperty("content").GetString();

    private static ProcessResult Validate(string nodeModules, string file) =>
        ProcessRunner.Run("node", new[] { Path.Combine(Folder, "validate-sbom.js"), file }, Folder, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["NODE_PATH"] = nodeModules });

    private static (string? Path, string? Reason) Install(string script, string what)
    {
        try
        {
            var result = ProcessRunner.Run("bash", new[] { Path.Combine(Folder, script) }, Folder, TimeSpan.FromMinutes(5));
            return result.ExitCode == 0
                ? (result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim(), null)
                : (null, $"{script} failed, so {what} is not installed:\n{result.Output}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "bash is not installed");
        }
    }

    private static string Require(Lazy<(string? Path, string? Reason)> installed)
    {
        var (path, reason) = installed.Value;
        if (reason is not null && Environment.GetEnvironmentVariable("DOCKERFILEGEN_REQUIRE_ORACLES") == "1")
        {
            Assert.Fail("DOCKERFILEGEN_REQUIRE_ORACLES=1 but " + reason);
        }

        Skip.If(reason is not null, reason);
        return path!;
    }
}
