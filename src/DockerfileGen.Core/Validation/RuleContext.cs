using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation;

/// <summary>What a rule sees (the document, the options) and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> findings;
    private readonly DockerfileRule rule;
    private readonly DiagnosticSeverity severity;

    private readonly System.Lazy<Ignore.DockerIgnoreMatcher?> ignoreMatcher;

    internal RuleContext(DockerfileDocument document, ValidationOptions options, DockerfileRule rule, DiagnosticSeverity severity, List<Finding> findings, System.Lazy<Ignore.DockerIgnoreMatcher?> ignoreMatcher)
    {
        Document = document;
        Options = options;
        this.ignoreMatcher = ignoreMatcher;
        this.rule = rule;
        this.severity = severity;
        this.findings = findings;
    }

    /// <summary>The parsed Dockerfile.</summary>
    public DockerfileDocument Document { get; }

    /// <summary>The validation options (facts, context, allowed registries).</summary>
    public ValidationOptions Options { get; }

    /// <summary>The build context's ignore file, read once per validation; null without one.</summary>
    public Ignore.DockerIgnoreMatcher? IgnoreMatcher => ignoreMatcher.Value;

    /// <summary>Reports a finding covering the instruction's first line.</summary>
    public void Report(Instruction instruction, string message) =>
        Report(instruction.Start, instruction.Start.Line == instruction.End.Line ? instruction.End.Column : instruction.Start.Column + instruction.Keyword.Length, message);

    /// <summary>Reports a finding on a word of an instruction.</summary>
    public void Report(DockerfileToken token, string message) =>
        Report(token.Start, token.Start.Column + token.Value.Length, message);

    /// <summary>Reports a finding on a flag.</summary>
    public void Report(DockerfileFlag flag, string message) =>
        Report(flag.Start, flag.Start.Column + 2 + flag.Name.Length + (flag.Value is null ? 0 : flag.Value.Length + 1), message);

    /// <summary>Reports a finding at a position, on one line up to <paramref name="endColumn"/>.</summary>
    public void Report(TextPosition start, int endColumn, string message) =>
        findings.Add(new Finding(rule.Id, severity, message, start.Line, start.Column, start.Line, endColumn < start.Column ? start.Column : endColumn));
}
