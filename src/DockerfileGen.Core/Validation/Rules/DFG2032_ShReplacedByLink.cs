using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Relinking /bin/sh changes the shell of every later program in the image (package scripts, the base image's
/// tools), not just of the Dockerfile's RUNs. The SHELL instruction changes only the RUNs.
/// </summary>
public sealed class DFG2032_ShReplacedByLink : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2032";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A RUN replaces `/bin/sh` with a link (`ln -sf /bin/bash /bin/sh`).";

    /// <inheritdoc />
    public override string Fix => "Keep /bin/sh and say which shell to use: `SHELL [\"/bin/bash\", \"-c\"]`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var command in DockerfileQueries.CommandsOf(instruction, "ln"))
            {
                if (command.Count > 2 && command[command.Count - 1] == "/bin/sh")
                {
                    context.Report(instruction, "This RUN replaces /bin/sh with a link, which changes the shell of every program in the image. Use SHELL [\"/bin/bash\", \"-c\"] to change the shell of the RUN instructions only.");
                    break;
                }
            }
        }
    }
}
