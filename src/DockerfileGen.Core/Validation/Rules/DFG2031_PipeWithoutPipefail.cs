using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A pipeline's exit status is its last command's: in <c>RUN curl -fsSL $URL | tar -xz</c> a failed download still
/// builds a layer (with nothing in it). <c>pipefail</c> makes the RUN fail as it should.
/// </summary>
public sealed class DFG2031_PipeWithoutPipefail : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2031";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A RUN pipes commands (`curl … | sh`) without `pipefail`, so a failure on the left of the pipe passes unnoticed.";

    /// <inheritdoc />
    public override string Fix => "Set `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN, or start the RUN with `set -o pipefail &&`.";

    // A SHELL that turns pipefail on, or one that is not a POSIX shell (PowerShell, cmd) and so pipes differently.
    private static bool SetsPipefail(IReadOnlyList<string> shell)
    {
        if (shell.Count > 0)
        {
            var program = DockerfileQueries.ProgramName(shell[0].Replace('\\', '/')).ToLowerInvariant();
            if (program.StartsWith("pwsh", StringComparison.Ordinal) || program.StartsWith("powershell", StringComparison.Ordinal) || program.StartsWith("cmd", StringComparison.Ordinal))
            {
                return true;
            }
        }

        for (var i = 0; i + 1 < shell.Count; i++)
        {
            if (shell[i].StartsWith("-", StringComparison.Ordinal) && shell[i].EndsWith("o", StringComparison.Ordinal) && shell[i + 1] == "pipefail")
            {
                return true;
            }
        }

        return false;
    }

    // `set -o pipefail` (or `set -euo pipefail`) in the script itself, or a shell started with it.
    private static bool ScriptSetsPipefail(Instruction instruction)
    {
        foreach (var command in instruction.ShellCommands)
        {
            var program = command.Count > 0 ? DockerfileQueries.ProgramName(command[0]) : "";
            if (program is "set" or "bash" or "zsh" or "ash" or "sh")
            {
                for (var i = 1; i + 1 < command.Count; i++)
                {
                    if (command[i].StartsWith("-", StringComparison.Ordinal) && command[i].EndsWith("o", StringComparison.Ordinal) && command[i + 1] == "pipefail")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        foreach (var stage in document.Stages)
        {
            var image = DockerfileQueries.BaseImageOf(document, stage);
            var safe = image is not null && image.IsWindows;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "SHELL")
                {
                    safe = SetsPipefail(instruction.ExecArguments ?? Array.Empty<string>());
                    continue;
                }

                if (safe || instruction.Name != "RUN" || instruction.Form == InstructionForm.Exec || !ShellWords.HasPipe(instruction.CommandText))
                {
                    continue;
                }

                if (!ScriptSetsPipefail(instruction))
                {
                    context.Report(instruction, "This RUN pipes one command into another, but without pipefail only the last command's failure fails the build. Add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before it, or start the command with `set -o pipefail &&`.");
                }
            }
        }
    }
}
