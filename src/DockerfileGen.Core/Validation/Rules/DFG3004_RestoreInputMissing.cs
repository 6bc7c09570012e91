using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// The restore layer must copy every file restore reads (project files of the reference closure,
/// Directory.*.props, NuGet.config, lock files); a missing one makes restore fail or resolve other packages than
/// the real build. Needs the project's restore inputs.
/// </summary>
public sealed class DFG3004_RestoreInputMissing : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3004";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "The restore layer does not copy a file restore needs (a referenced project, `Directory.Packages.props`, `NuGet.config`, a lock file).";

    /// <inheritdoc />
    public override string Fix => "COPY the missing file before `dotnet restore`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var inputs = context.Options.Facts?.RestoreInputs;
        if (inputs is null || inputs.Count == 0)
        {
            return;
        }

        foreach (var stage in context.Document.Stages)
        {
            // A stage built FROM an earlier one (a test stage FROM build) starts with everything that one copied.
            var copied = new List<string>();
            foreach (var parent in DockerfileQueries.Chain(context.Document, stage))
            {
                foreach (var instruction in parent == stage ? Array.Empty<Instruction>() : (IEnumerable<Instruction>)parent.Instructions)
                {
                    if (DockerfileQueries.ReadsContext(instruction))
                    {
                        copied.AddRange(DockerfileQueries.Sources(instruction).Select(DockerfileQueries.NormalizeContextPath));
                    }
                }
            }

            foreach (var instruction in stage.Instructions)
            {
                if (DockerfileQueries.ReadsContext(instruction))
                {
                    foreach (var source in DockerfileQueries.Sources(instruction))
                    {
                        copied.Add(DockerfileQueries.NormalizeContextPath(source));
                    }

                    continue;
                }

                var restore = false;
                foreach (var command in DockerfileQueries.CommandsOf(instruction, "dotnet"))
                {
                    restore |= command.Count > 1 && command[1] == "restore";
                }

                if (!restore)
                {
                    continue;
                }

                var missing = new List<string>();
                foreach (var input in inputs)
                {
                    var path = DockerfileQueries.NormalizeContextPath(input);
                    if (!IsCovered(path, copied))
                    {
                        missing.Add(path);
                    }
                }

                if (missing.Count > 0)
                {
                    context.Report(instruction, $"dotnet restore runs before {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} copied, so restore cannot see {(missing.Count == 1 ? "it" : "them")}. COPY {(missing.Count == 1 ? "it" : "them")} before this RUN.");
                }

                break;
            }
        }
    }

    private static bool IsCovered(string path, List<string> copied)
    {
        foreach (var source in copied)
        {
            if (ShellWords.HasVariable(source))
            {
                // Unknown: assume it covers, rather than guess.
                return true;
            }

            if (source == "." || string.Equals(source, path, StringComparison.Ordinal) || path.StartsWith(source + "/", StringComparison.Ordinal))
            {
                return true;
            }

            if (source.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                var pattern = "^" + Regex.Escape(source).Replace("\\*\\*", ".*").Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "(/.*)?$";
                if (Regex.IsMatch(path, pattern, RegexOptions.CultureInvariant))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
