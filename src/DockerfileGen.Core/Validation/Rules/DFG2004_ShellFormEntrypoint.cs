using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Shell-form ENTRYPOINT/CMD run the app under <c>/bin/sh -c</c>: the shell is PID 1, the app never gets
/// SIGTERM and is killed after the stop timeout, and images without a shell (chiseled) cannot start it.
/// </summary>
public sealed class DFG2004_ShellFormEntrypoint : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2004";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "ENTRYPOINT or CMD in shell form (the app does not receive SIGTERM; needs a shell in the image).";

    /// <inheritdoc />
    public override string Fix => "Use the exec form: `ENTRYPOINT [\"./App\"]`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if ((instruction.Name == "ENTRYPOINT" || instruction.Name == "CMD") && instruction.Form == InstructionForm.Shell && instruction.ArgumentText.Length > 0)
            {
                context.Report(instruction, $"{instruction.Name} is in shell form, so /bin/sh runs as PID 1 and the app does not receive SIGTERM on `docker stop` (and images without a shell cannot start it). Use the exec form: {instruction.Name} [\"…\", \"…\"].");
            }
        }
    }
}
