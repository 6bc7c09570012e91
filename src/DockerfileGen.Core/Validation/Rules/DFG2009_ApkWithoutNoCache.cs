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
        foreach (var instruction in context.Document.EveryInstruction)
        {
            foreach (var command in DockerfileQueries.CommandsOf(instruction, "apk"))
            {
                if (!DockerfileQueries.HasWord(command, "add") || DockerfileQueries.HasWord(command, "--no-cache"))
                {
                    continue;
                }

                // Cleaning the cache in the same RUN, or a cache/tmpfs mount over it, keeps the index out of the layer too.
                if (instruction.CommandText.IndexOf("/var/cache/apk", StringComparison.Ordinal) >= 0
                    || DockerfileQueries.HasCacheMount(instruction, "/var/cache/apk") || DockerfileQueries.HasCacheMount(instruction, "/etc/apk/cache"))
                {
                    continue;
                }

                context.Report(instruction, "apk add without --no-cache keeps the package index in the layer. Use `apk add --no-cache …`.");
                break;
            }
        }
    }
}
