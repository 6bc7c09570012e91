using System.Text.Json;
using DockerfileGen.Testing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Oracles;

/// <summary>
/// The validator against the third-party linters: on every fixture, each finding that dockerfile-utils,
/// dockerfilelint or dockerfile_lint's security profile reports (findings the oracle runner tags as noise aside)
/// for a case one of our rules covers must be reported by that rule too, on the same instruction. The cases no
/// rule covers are listed in <see cref="NotCovered"/>; the findings we deliberately disagree with are in
/// <see cref="Exceptions"/>, each with its reason.
/// </summary>
[Trait("Category", "oracle")]
[Collection(OracleCollection.Name)]
public sealed class OracleComparisonTests
{
    /// <summary>Oracle rule → the rule of ours that covers it.</summary>
    public static readonly IReadOnlyDictionary<(string Tool, string Rule), string> Covered = new Dictionary<(string, string), string>
    {
        [("dockerfile-utils", "CASING_INSTRUCTION")] = "DFG2020",
        [("dockerfile-utils", "EMPTY_CONTINUATION_LINE")] = "DFG2043",
        [("dockerfile-utils", "DEPRECATED_MAINTAINER")] = "DFG2018",
        [("dockerfile-utils", "DUPLICATE_BUILD_STAGE_NAME")] = "DFG1005",
        [("dockerfile-utils", "JSON_IN_SINGLE_QUOTES")] = "DFG1010",
        [("dockerfile-utils", "MULTIPLE_INSTRUCTIONS")] = "DFG1007",
        [("dockerfile-utils", "NO_SOURCE_IMAGE")] = "DFG1009",
        [("dockerfile-utils", "UNKNOWN_ADD_FLAG")] = "DFG1003",
        [("dockerfile-utils", "UNKNOWN_COPY_FLAG")] = "DFG1003",
        [("dockerfile-utils", "UNKNOWN_FROM_FLAG")] = "DFG1003",
        [("dockerfile-utils", "UNKNOWN_HEALTHCHECK_FLAG")] = "DFG1003",
        [("dockerfile-utils", "FLAG_DUPLICATE")] = "DFG1003",
        [("dockerfile-utils", "UNKNOWN_INSTRUCTION")] = "DFG1002",
        [("dockerfile-utils", "WORKDIR_IS_NOT_ABSOLUTE")] = "DFG1006",
        [("dockerfile-utils", "INVALID_PORT")] = "DFG1008",
        [("dockerfilelint", "apkadd-missing_nocache_or_updaterm")] = "DFG2009",
        [("dockerfilelint", "apt-get-update_require_install")] = "DFG2008",
        [("dockerfilelint", "apt-get_missing_rm")] = "DFG2008",
        [("dockerfilelint", "apt-get_recommends")] = "DFG2007",
        [("dockerfilelint", "deprecated_in_1.13")] = "DFG2018",
        [("dockerfilelint", "from_first")] = "DFG1009",
        [("dockerfilelint", "invalid_command")] = "DFG1002",
        [("dockerfilelint", "invalid_port")] = "DFG1008",
        [("dockerfilelint", "latest_tag")] = "DFG2001",
        [("dockerfilelint", "missing_tag")] = "DFG2001",
        [("dockerfilelint", "sudo_usage")] = "DFG2011",
        [("dockerfilelint", "uppercase_commands")] = "DFG2020",
        [("dockerfile_lint/security", "USER")] = "DFG2003",
        [("dockerfile_lint/security", "root_user")] = "DFG2003",
        [("dockerfile_lint/security", "invalid_command")] = "DFG1002",
        [("dockerfile_lint/security", "invalid_instruction")] = "DFG1002",
        [("dockerfile_lint/security", "missing_or_misplaced_from")] = "DFG1009",
        [("dockerfile_lint/security", "no_add_without_https")] = "DFG2019",
        [("dockerfile_lint/security", "no_run_with_sudo")] = "DFG2011",
    };

    /// <summary>Oracle findings on our fixtures that no rule of ours covers (yet), and why.</summary>
    public static readonly IReadOnlyDictionary<(string Tool, string Rule), string> NotCovered = new Dictionary<(string, string), string>
    {
        [("dockerfilelint", "add_dest_invalid")] = "dockerfilelint's check of ADD destinations; no rule for it.",
        [("dockerfilelint", "invalid_format")] = "dockerfilelint's HEALTHCHECK argument check; no rule validates HEALTHCHECK arguments yet.",
    };

    /// <summary>Findings of a covered kind that we do not report, on purpose: (fixture, tool, rule, line) → why.</summary>
    public static readonly IReadOnlyDictionary<(string Fixture, string Tool, string Rule, int? Line), string> Exceptions = new Dictionary<(string, string, string, int?), string>
    {
        [("22-escape-backtick", "dockerfilelint", "invalid_command", 5)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfilelint", "invalid_command", 6)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfile_lint/security", "invalid_command", 5)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfile_lint/security", "invalid_command", 6)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfile_lint/security", "invalid_instruction", 5)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfile_lint/security", "invalid_instruction", 6)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfilelint", "uppercase_commands", 5)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("22-escape-backtick", "dockerfilelint", "uppercase_commands", 6)] = "the linter ignores the `# escape=`` directive and reads continuation lines as instructions",
        [("55-unknown-instruction", "dockerfilelint", "uppercase_commands", 3)] = "`curl` is not an instruction at all (the previous line lost its `\\`): DFG1002 reports it, casing is beside the point",
        [("37-expose-forms", "dockerfilelint", "invalid_port", 2)] = "`EXPOSE 8000-8010` is a valid port range for Docker; dockerfilelint does not know ranges",
        [("17-duplicate-stage", "dockerfile-utils", "DUPLICATE_BUILD_STAGE_NAME", 1)] = "dockerfile-utils marks every stage with the name; DFG1005 marks the later one and names the line of the first",
    };

    private static readonly string[] Tools = { "dockerfile-utils", "dockerfilelint", "dockerfile_lint/security" };

    private readonly OracleResults oracles;

    public OracleComparisonTests(OracleResults oracles) => this.oracles = oracles;

    [SkippableTheory]
    [MemberData(nameof(Fixtures.All), MemberType = typeof(Fixtures))]
    public void ValidatorReportsWhatTheLintersReportForTheCasesItCovers(string fixture)
    {
        OracleResults.SkipIfUnavailable();
        var result = DockerfileValidator.Validate(Fixtures.Text(fixture));
        var missed = new List<string>();
        var unknown = new List<string>();

        foreach (var finding in oracles.For(fixture).GetProperty("findings").EnumerateArray())
        {
            var tool = finding.GetProperty("tool").GetString()!;
            if (!Tools.Contains(tool) || (finding.TryGetProperty("noise", out var noise) && noise.ValueKind == JsonValueKind.String))
            {
                continue;
            }

            var rule = finding.GetProperty("rule").GetString()!;
            int? line = finding.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
            if (Exceptions.ContainsKey((fixture, tool, rule, line)) || NotCovered.ContainsKey((tool, rule)))
            {
                continue;
            }

            if (!Covered.TryGetValue((tool, rule), out var ours))
            {
                unknown.Add($"{tool} {rule} line {line}: {finding.GetProperty("message").GetString()}");
                continue;
            }

            if (!result.Findings.Any(f => f.RuleId == ours && OnTheSameInstruction(result, f, line, tool)))
            {
                missed.Add($"{tool} {rule} line {line} → {ours}: {finding.GetProperty("message").GetString()}");
            }
        }

        Assert.True(missed.Count == 0, $"{fixture}: the validator missed what the linters found:\n" + string.Join("\n", missed));
        Assert.True(unknown.Count == 0, $"{fixture}: classify these linter findings in Covered, NotCovered or Exceptions:\n" + string.Join("\n", unknown));
    }

    [SkippableFact]
    public void EveryExceptionIsAFixtureFinding()
    {
        OracleResults.SkipIfUnavailable();
        foreach (var (fixture, tool, rule, line) in Exceptions.Keys)
        {
            var findings = oracles.For(fixture).GetProperty("findings").EnumerateArray();
            Assert.Contains(findings, f => f.GetProperty("tool").GetString() == tool && f.GetProperty("rule").GetString() == rule
                && (f.GetProperty("line").ValueKind == JsonValueKind.Number ? f.GetProperty("line").GetInt32() : (int?)null) == line);
        }
    }

    private static bool OnTheSameInstruction(ValidationResult result, Finding finding, int? line, string tool)
    {
        // A file-wide finding (no line), or one on the lines of the instruction our finding is on.
        if (line is null || finding.Line == line)
        {
            return true;
        }

        var instruction = result.Document.Instructions.FirstOrDefault(i => i.Start.Line == finding.Line);
        if (instruction is not null && line >= instruction.Start.Line && line <= instruction.End.Line)
        {
            return true;
        }

        // dockerfile_lint's line numbers on multi-line instructions can be off by one (the oracles' README).
        return tool.StartsWith("dockerfile_lint", StringComparison.Ordinal) && Math.Abs(finding.Line - line.Value) <= 1;
    }
}
