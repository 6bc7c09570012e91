using System;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary><c>apt-get install</c> without <c>--no-install-recommends</c> pulls in recommended packages nobody asked for.</summary>
public sealed class DFG2007_AptGetInstallRecommends : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2007";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`apt-get install` without `--no-install-recommends` (extra packages, size and CVEs).";

    /// <inheritdoc />
    public override string Fix => "`apt-get install -y --no-install-recommends <packages>`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            foreach (var program in new[] { "apt-get", "apt" })
            {
                foreach (var command in DockerfileQueries.CommandsOf(instruction, program))
                {
                    if (command.Count < 2 || !Contains(command, "install"))
                    {
                        continue;
                    }

                    if (!Contains(command, "--no-install-recommends") && !instruction.CommandText.Contains("Install-Recommends=false") && !instruction.CommandText.Contains("Install-Recommends \"false\""))
                    {
                        context.Report(instruction, $"{program} install without --no-install-recommends also installs recommended packages, which make the image bigger and add CVEs. Add --no-install-recommends.");
                        goto next;
                    }
                }
            }

        next:;
        }
    }

    internal static bool Contains(System.Collections.Generic.IReadOnlyList<string> words, string word)
    {
        foreach (var item in words)
        {
            if (string.Equals(item, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
