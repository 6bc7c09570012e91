using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// apt is meant for people at a terminal: it warns that its interface may change, and its output and behaviour
/// are tuned for humans. apt-get and apt-cache are the stable tools for scripts.
/// </summary>
public sealed class DFG2037_AptInsteadOfAptGet : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2037";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`apt` in a RUN (an interactive tool without a stable command-line interface).";

    /// <inheritdoc />
    public override string Fix => "Use `apt-get` (or `apt-cache`).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var _ in DockerfileQueries.CommandsOf(instruction, "apt"))
            {
                context.Report(instruction, "apt is an interactive tool whose command line may change; scripts should use apt-get or apt-cache. Use apt-get.");
                break;
            }
        }
    }
}
