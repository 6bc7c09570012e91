using DockerfileGen.Diagnostics;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A build has no one to answer apt-get's "Do you want to continue?": without <c>-y</c> (or <c>-qq</c>, <c>--yes</c>,
/// <c>--assume-yes</c>) the install aborts as soon as it needs more than the named packages.
/// </summary>
public sealed class DFG2030_AptGetInstallWithoutYes : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2030";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`apt-get install` without `-y` (the build stops at the confirmation prompt).";

    /// <inheritdoc />
    public override string Fix => "`apt-get install -y <packages>`.";

    private static bool AssumesYes(IReadOnlyList<string> command)
    {
        foreach (var word in command)
        {
            if (word is "--yes" or "--assume-yes" or "--force-yes" || word.StartsWith("--quiet", StringComparison.Ordinal) || word.StartsWith("-q=", StringComparison.Ordinal))
            {
                return true;
            }

            // Short options combine: -y, -qy, -yq, -qq.
            if (word.Length > 1 && word[0] == '-' && word[1] != '-' && (word.IndexOf('y') > 0 || word.IndexOf('q') > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var command in DockerfileQueries.CommandsOf(instruction, "apt-get"))
            {
                if (DockerfileQueries.HasWord(command, "install") && !AssumesYes(command))
                {
                    context.Report(instruction, "apt-get install without -y stops at the confirmation prompt, which nobody answers in a build. Add -y.");
                    break;
                }
            }
        }
    }
}
