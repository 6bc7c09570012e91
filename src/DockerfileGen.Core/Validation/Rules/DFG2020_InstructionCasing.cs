using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>Docker accepts any case, but upper-case keywords are the convention that keeps keywords apart from arguments.</summary>
public sealed class DFG2020_InstructionCasing : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2020";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "An instruction keyword that is not upper case.";

    /// <inheritdoc />
    public override string Fix => "Write keywords in upper case (`RUN`, not `run`).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Keyword != instruction.Name && DFG1002_UnknownInstruction.Known.Contains(instruction.Name))
            {
                context.Report(instruction.Start, instruction.Start.Column + instruction.Keyword.Length, $"Write '{instruction.Keyword}' in upper case ('{instruction.Name}'), the convention that keeps keywords apart from arguments.");
            }
        }
    }
}
