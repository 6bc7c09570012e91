using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A COPY/ADD source that the ignore file excludes is not in the build context: Docker fails with "not found"
/// (or a wildcard silently copies nothing). Needs the build context; silent without it.
/// </summary>
public sealed class DFG2017_CopySourceExcluded : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2017";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "A COPY/ADD source that the ignore file excludes (the build fails, or copies nothing).";

    /// <inheritdoc />
    public override string Fix => "Re-include the path in the ignore file (`!path`), or stop copying it.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var text = context.Options.Context?.IgnoreFileText;
        if (text is null)
        {
            return;
        }

        var matcher = context.IgnoreMatcher!;
        var name = context.Options.Context!.IgnoreFileName;
        foreach (var instruction in context.Document.Instructions)
        {
            if (!DockerfileQueries.ReadsContext(instruction))
            {
                continue;
            }

            foreach (var raw in DockerfileQueries.Sources(instruction))
            {
                if (ShellWords.HasVariable(raw) || DockerfileQueries.IsRemote(raw))
                {
                    continue;
                }

                var source = DockerfileQueries.NormalizeContextPath(raw);
                if (source == ".")
                {
                    continue;
                }

                // For a wildcard, the folder it lives in decides: if that is excluded, nothing can match.
                var wildcard = source.IndexOfAny(new[] { '*', '?', '[' });
                if (wildcard >= 0)
                {
                    var slash = source.LastIndexOf('/', wildcard);
                    if (slash < 0)
                    {
                        continue;
                    }

                    source = source.Substring(0, slash);
                }

                if (matcher.IsExcluded(source))
                {
                    context.Report(instruction, $"'{raw}' is excluded by {name}, so it is not in the build context and this {instruction.Name} fails (or copies nothing). Re-include it in {name} with '!{source}', or stop copying it.");
                }
            }
        }
    }
}
