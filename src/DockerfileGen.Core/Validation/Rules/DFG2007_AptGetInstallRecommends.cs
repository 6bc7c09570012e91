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
        foreach (var instruction in context.Document.EveryInstruction)
        {
            var program = WithoutNoInstallRecommends(instruction);
            if (program is not null)
            {
                context.Report(instruction, $"{program} install without {(program == "aptitude" ? "--without-recommends" : "--no-install-recommends")} also installs recommended packages, which make the image bigger and add CVEs. Add {(program == "aptitude" ? "--without-recommends" : "--no-install-recommends")}.");
            }
        }
    }

    // The apt program of the first install without the option, or null.
    private static string? WithoutNoInstallRecommends(Parsing.Instruction instruction)
    {
        var text = instruction.CommandText;
        if (text.Contains("Install-Recommends=false") || text.Contains("Install-Recommends \"false\""))
        {
            return null;
        }

        foreach (var program in new[] { "apt-get", "apt", "aptitude" })
        {
            foreach (var command in DockerfileQueries.CommandsOf(instruction, program))
            {
                // aptitude spells the option --without-recommends (-R).
                if (DockerfileQueries.HasWord(command, "install") && !DockerfileQueries.HasWord(command, "--no-install-recommends")
                    && !(program == "aptitude" && (DockerfileQueries.HasWord(command, "--without-recommends") || DockerfileQueries.HasWord(command, "-R"))))
                {
                    return program;
                }
            }
        }

        return null;
    }
}
