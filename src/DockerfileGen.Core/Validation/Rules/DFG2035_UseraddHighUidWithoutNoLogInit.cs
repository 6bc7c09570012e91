using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// useradd records every user in /var/log/lastlog and faillog, files indexed by UID: a UID in the hundreds of
/// thousands makes them gigabytes of sparse file, which a layer stores in full.
/// </summary>
public sealed class DFG2035_UseraddHighUidWithoutNoLogInit : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2035";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`useradd` with a high UID and without `-l` (`--no-log-init`), which writes a huge sparse /var/log/lastlog into the layer.";

    /// <inheritdoc />
    public override string Fix => "`useradd -l -u 100000 app`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var command in DockerfileQueries.CommandsOf(instruction, "useradd"))
            {
                if (DockerfileQueries.HasWord(command, "-l") || DockerfileQueries.HasWord(command, "--no-log-init"))
                {
                    continue;
                }

                for (var i = 1; i < command.Count; i++)
                {
                    var uid = command[i] is "-u" or "--uid" && i + 1 < command.Count ? command[i + 1]
                        : command[i].StartsWith("--uid=", StringComparison.Ordinal) ? command[i].Substring(6) : null;
                    if (uid is not null && uid.Length > 5 && !ShellWords.HasVariable(uid))
                    {
                        context.Report(instruction, $"useradd -u {uid} without -l writes /var/log/lastlog and faillog sized by the UID into the layer (gigabytes of sparse file). Add -l (--no-log-init).");
                        break;
                    }
                }
            }
        }
    }
}
