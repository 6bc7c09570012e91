using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>Only ARG may come before the first FROM; anything else has no stage to run in and Docker rejects it.</summary>
public sealed class DFG1009_InstructionBeforeFrom : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1009";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "An instruction other than ARG before the first FROM.";

    /// <inheritdoc />
    public override string Fix => "Move it below the FROM of the stage it belongs to.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Document.Stages.Count == 0)
        {
            return;
        }

        foreach (var instruction in context.Document.Instructions)
        {
            if (instruction.StageIndex >= 0)
            {
                break;
            }

            if (instruction.Name != "ARG" && DFG1002_UnknownInstruction.Known.Contains(instruction.Name))
            {
                context.Report(instruction, $"{instruction.Name} comes before the first FROM, where only ARG is allowed, so Docker rejects the file. Move it into a stage.");
            }
        }
    }
}
