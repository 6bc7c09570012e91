using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>ENV KEY value</c> sets one variable to the rest of the line, spaces and quotes included, and reads differently from
/// every other form. Docker keeps it for old files and warns about it; <c>KEY=value</c> says exactly what is set.
/// </summary>
public sealed class DFG2041_LegacyKeyValueFormat : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2041";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "ENV or LABEL in the legacy `KEY value` form instead of `KEY=value`.";

    /// <inheritdoc />
    public override string Fix => "Write `ENV KEY=value` (quote values with spaces: `LABEL description=\"a b\"`).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if ((instruction.Name == "ENV" || instruction.Name == "LABEL") && instruction.Arguments.Count > 1 && instruction.Arguments[0].Value.IndexOf('=') < 0)
            {
                context.Report(instruction, $"{instruction.Name} {instruction.Arguments[0].Value} <value> is the legacy form. Write {instruction.Name} {instruction.Arguments[0].Value}=<value>.");
            }
        }
    }
}
