using System;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary><c>apk add</c> without <c>--no-cache</c> leaves the package index in <c>/var/cache/apk</c> in the layer.</summary>
public sealed class DFG2009_ApkWithoutNoCache : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2009";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`apk add` without `--no-cache` (the package index stays in the layer).";

    /// <inheritdoc />
    public override string Fix => "`apk add --no-cache <packages>`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            foreach (var command in DockerfileQueries.CommandsOf(instruction, "apk"))
            {
                if (!DockerfileQueries.HasWord(command, "add") || DockerfileQueries.HasWord(command, "--no-cache"))
                {
                    continue;
                }

                if (instruction.CommandText.IndexOf("/var/cache/apk", StringComparison.Ordinal) >= 0)
                {
                    continue;
                }

                context.Report(instruction, "apk add without --no-cache keeps the package index in the layer. Use `apk add --no-cache …`.");
                break;
            }
        }
    }
}
