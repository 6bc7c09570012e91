using System.Text.RegularExpressions;
using DockerfileGen.Analyzers.Source;

namespace DockerfileGen.Analyzers.Tests;

/// <summary>Each DFG4xxx diagnostic has its doc page and its row in the README's rule table.</summary>
public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in SourceDiagnostics.All)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DiagnosticHasItsDocPageAndReadmeRow(string id)
    {
        var descriptor = SourceDiagnostics.All.Single(d => d.Id == id);
        var page = Path.Combine(RepoRoot.Path, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it catches", "## Why", "## How to fix", "## Related rules elsewhere" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        var severity = descriptor.DefaultSeverity.ToString().ToLowerInvariant();
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        Assert.Matches($@"(?m)^\| \[{id}\]\(docs/rules/{id}\.md\) \| {severity} \| {Regex.Escape(descriptor.Title.ToString())}\. \|", readme);
    }

    [Fact]
    public void IdsAreInTheSourceRange() =>
        Assert.All(SourceDiagnostics.All, d => Assert.Matches("^DFG4[0-9]{3}$", d.Id));
}
