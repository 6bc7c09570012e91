using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// An instruction continued with the escape character runs to the next line that does not end with it; an empty
/// line in between is skipped today, with a warning that this will become an error. It also often hides an
/// instruction that was meant to end there.
/// </summary>
public sealed class DFG2043_EmptyContinuationLine : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2043";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "An empty line inside a continued instruction (BuildKit warns; a future release rejects it).";

    /// <inheritdoc />
    public override string Fix => "Remove the empty line, or end the instruction before it.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var line in context.Document.EmptyContinuationLines)
        {
            context.Report(new TextPosition(line, 1), 1, "This empty line is inside a continued instruction: BuildKit skips it with a warning today and will reject it later. Remove it, or end the instruction before it.");
        }
    }
}
