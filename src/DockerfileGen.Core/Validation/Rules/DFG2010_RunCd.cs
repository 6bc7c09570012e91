using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary><c>RUN cd</c> only lasts for that RUN; WORKDIR says where later instructions run, and is easier to read.</summary>
public sealed class DFG2010_RunCd : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2010";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`cd` in a RUN instead of WORKDIR.";

    /// <inheritdoc />
    public override string Fix => "Use `WORKDIR /path` before the RUN.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var _ in DockerfileQueries.CommandsOf(instruction, "cd"))
            {
                context.Report(instruction, "RUN changes directory with cd, which lasts only for this RUN. Use WORKDIR to set the directory for the instructions that follow.");
                break;
            }
        }
    }
}
