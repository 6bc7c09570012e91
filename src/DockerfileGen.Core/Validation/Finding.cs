using System.Globalization;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation;

/// <summary>A rule's finding at a place in the Dockerfile.</summary>
/// <param name="RuleId">The rule id, <c>DFGnnnn</c>.</param>
/// <param name="Severity">The effective severity (after configuration).</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="EndLine">The last line the finding covers.</param>
/// <param name="EndColumn">The column after the last character it covers.</param>
public sealed record Finding(string RuleId, DiagnosticSeverity Severity, string Message, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>
    /// MSBuild's canonical message format, <c>path(line,col): warning DFG2004: message</c>, which IDEs and CI
    /// systems turn into annotations on the line.
    /// </summary>
    public string ToCanonicalString(string path) => string.Format(
        CultureInfo.InvariantCulture,
        "{0}({1},{2}): {3} {4}: {5}",
        path,
        Line,
        Column,
        Severity == DiagnosticSeverity.Info ? "info" : Severity.ToString().ToLowerInvariant(),
        RuleId,
        Message);
}
