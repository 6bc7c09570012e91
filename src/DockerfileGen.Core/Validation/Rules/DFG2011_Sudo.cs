using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// sudo in a Dockerfile is either useless (RUN already runs as root) or a sign that the image keeps sudo, which
/// undoes running as non-root.
/// </summary>
public sealed class DFG2011_Sudo : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2011";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`sudo` in a RUN.";

    /// <inheritdoc />
    public override string Fix => "Run the step before switching USER (or switch to `USER root` for it), and do not install sudo.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var command in DockerfileQueries.Commands(instruction))
            {
                if (command.Count > 0 && DockerfileQueries.ProgramName(command[0]) == "sudo")
                {
                    context.Report(instruction, "RUN uses sudo: it has unpredictable TTY and signal behaviour, and keeping sudo in the image undoes a non-root USER. Do this step as root before the USER instruction.");
                    break;
                }
            }
        }
    }
}
