using DockerfileGen.Diagnostics;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation;

public sealed class ConfigurationTests
{
    private const string Untagged = "FROM ubuntu\nRUN cd /tmp\n";

    [Fact]
    public void SeverityPerRuleOverridesTheDefault()
    {
        var severities = ValidationOptions.ParseSeverities("DFG2001=error; dfg2010 = none", out var invalid);

        var findings = Lint.Findings(Untagged, new ValidationOptions { Severities = severities });

        Assert.Empty(invalid);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(findings, f => f.RuleId == "DFG2001").Severity);
        Assert.DoesNotContain(findings, f => f.RuleId == "DFG2010");
    }

    [Theory]
    [InlineData("DFG2001")]
    [InlineData("DFG2001=loud")]
    [InlineData("=error")]
    public void UnreadableSeverityEntriesAreReported(string text)
    {
        ValidationOptions.ParseSeverities(text, out var invalid);

        Assert.Equal(text, Assert.Single(invalid));
    }

    [Fact]
    public void SuppressionCommentSilencesTheNextInstructionOnly()
    {
        var text = "# dockerfilegen ignore=DFG2001\nFROM ubuntu\nFROM debian\n";

        var findings = Lint.Of("DFG2001", text);

        Assert.Equal(3, Assert.Single(findings).Line);
    }

    [Fact]
    public void SuppressionCommentCoversAMultiLineInstructionAndSeveralIds()
    {
        var text = "FROM alpine:3.20\n# dockerfilegen ignore=DFG2010, DFG2011\n# another comment\nRUN true \\\n && cd /x \\\n && sudo ls\n";

        Assert.DoesNotContain(Lint.Findings(text), f => f.RuleId is "DFG2010" or "DFG2011");
    }

    [Fact]
    public void GlobalSuppressionSilencesTheWholeFile()
    {
        var text = "FROM ubuntu\nFROM debian:latest\n# dockerfilegen global ignore=DFG2001\n";

        Assert.Empty(Lint.Of("DFG2001", text));
        Assert.NotEmpty(Lint.Of("DFG2003", text));
    }

    [Fact]
    public void AllowedRegistriesAreReadFromAList() =>
        Assert.Equal(new[] { "mcr.microsoft.com", "registry.example/golden" }, ValidationOptions.ParseList(" mcr.microsoft.com ;registry.example/golden/,"));

    [Fact]
    public void FindingsUseMSBuildsCanonicalFormat()
    {
        var finding = Lint.Catches("DFG2001", "FROM alpine:3.20\nFROM ubuntu\n", 2);

        Assert.Equal($"src/Dockerfile(2,1): warning DFG2001: {finding.Message}", finding.ToCanonicalString("src/Dockerfile"));
    }
}
