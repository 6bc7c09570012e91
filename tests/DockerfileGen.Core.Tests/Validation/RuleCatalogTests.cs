using System.Text.RegularExpressions;
using DockerfileGen.Testing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation;

/// <summary>Each rule comes with its id in the class name, a doc page, a test class, and a README row.</summary>
public sealed class RuleCatalogTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in DockerfileValidator.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void IdsAreUniqueOrderedAndInTheirRanges()
    {
        var ids = DockerfileValidator.Rules.Select(r => r.Id).ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.Matches("^DFG[123][0-9]{3}$", id));
    }

    [Fact]
    public void EveryRuleClassIsRegistered()
    {
        var classes = typeof(DockerfileRule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DockerfileRule)) && !t.IsAbstract).Select(t => t.Name);

        Assert.Equal(classes.Order(StringComparer.Ordinal), DockerfileValidator.Rules.Select(r => r.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleHasItsFileDocPageTestsAndReadmeRow(string id)
    {
        var rule = DockerfileValidator.Rules.Single(r => r.Id == id);
        Assert.StartsWith(id + "_", rule.GetType().Name, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", "DockerfileGen.Core", "Validation", "Rules", rule.GetType().Name + ".cs")));

        var page = Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it catches", "## Why", "## How to fix", "## Related rules elsewhere" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        var tests = typeof(RuleCatalogTests).Assembly.GetType($"DockerfileGen.Core.Tests.Validation.Rules.{id}Tests");
        Assert.NotNull(tests);
        var methods = tests!.GetMethods().Select(m => m.Name).ToList();
        Assert.Contains(methods, m => m.StartsWith("Catches_", StringComparison.Ordinal));
        Assert.Contains(methods, m => m.StartsWith("DoesNotCatch_", StringComparison.Ordinal));

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var severity = rule.DefaultSeverity.ToString().ToLowerInvariant();
        Assert.Matches($@"(?m)^\| \[{id}\]\(docs/rules/{id}\.md\) \| {severity} \| {Regex.Escape(rule.Title)} \| {Regex.Escape(rule.Fix)} \|$", readme);
    }
}
