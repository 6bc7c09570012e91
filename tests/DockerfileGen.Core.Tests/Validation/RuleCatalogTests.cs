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
        var severity = rule.DefaultSeverity.ToString().ToLowerInvariant() + (rule.EnabledByDefault ? "" : @" \(off by default\)");
        Assert.Matches($@"(?m)^\| \[{id}\]\(docs/rules/{id}\.md\) \| {severity} \| {Regex.Escape(rule.Title)} \| {Regex.Escape(rule.Fix)} \|$", readme);
    }

    [Fact]
    public void EveryBuildKitCheckIsImplementedMappedOrLeftOutWithAReason()
    {
        // The 22 checks of `docker build --check` (Dockerfile frontend 1.8+).
        string[] checks =
        {
            "ConsistentInstructionCasing", "CopyIgnoredFile", "DuplicateStageName", "ExposeInvalidFormat", "ExposeProtoCasing", "FromAsCasing",
            "FromPlatformFlagConstDisallowed", "InvalidBaseImagePlatform", "InvalidDefaultArgInFrom", "InvalidDefinitionDescription",
            "JSONArgsRecommended", "LegacyKeyValueFormat", "MaintainerDeprecated", "MultipleInstructionsDisallowed", "NoEmptyContinuation",
            "RedundantTargetPlatform", "ReservedStageName", "SecretsUsedInArgOrEnv", "StageNameCasing", "UndefinedArgInFrom", "UndefinedVar",
            "WorkdirRelativePath",
        };
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", "buildkit-checks.md"));
        var ids = DockerfileValidator.Rules.Select(r => r.Id).ToHashSet();

        foreach (var check in checks)
        {
            var row = Regex.Match(page, $@"(?m)^\| {check} \| (?<ours>[^|]+) \| (?<how>[^|]+) \|$");
            Assert.True(row.Success, $"{check} has no row in docs/rules/buildkit-checks.md");
            var ours = row.Groups["ours"].Value.Trim();
            if (ours == "left out")
            {
                Assert.True(row.Groups["how"].Value.Trim().Length > 40, $"{check} is left out without a reason");
                continue;
            }

            var id = Regex.Match(ours, @"DFG\d{4}").Value;
            Assert.Contains(id, ids);
            Assert.Contains(check, File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md")));
        }

        Assert.Equal(checks.Length, Regex.Matches(page, @"(?m)^\| [A-Z][A-Za-z]+ \| ").Count);
    }
}
