using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>CMD ['app']</c> is not JSON, so Docker silently runs it as a shell string, brackets and quotes included.
/// </summary>
public sealed class DFG1010_JsonInSingleQuotes : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1010";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "An exec-form array that is not valid JSON (single quotes), which Docker runs as a shell string.";

    /// <inheritdoc />
    public override string Fix => "Use double quotes: `CMD [\"./app\"]`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Form == InstructionForm.Shell
                && instruction.ArgumentText.StartsWith("[", StringComparison.Ordinal)
                && instruction.ArgumentText.EndsWith("]", StringComparison.Ordinal)
                && instruction.ArgumentText.IndexOf('\'') >= 0)
            {
                context.Report(instruction, $"The {instruction.Name} arguments look like an exec-form array but are not JSON (single quotes), so Docker runs them through the shell as written. Use double quotes.");
            }
        }
    }
}
