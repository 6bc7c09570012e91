using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// With more than one source, Docker needs a folder as the destination and says so only at build time:
/// "When using COPY with more than one source file, the destination must be a directory and end with a /".
/// </summary>
public sealed class DFG1012_CopyManySourcesToFile : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1012";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "COPY or ADD of several sources to a destination that does not end with `/`.";

    /// <inheritdoc />
    public override string Fix => "End the destination with `/` (`COPY a.json b.json /app/`).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if ((instruction.Name != "COPY" && instruction.Name != "ADD") || instruction.Heredocs.Count > 0)
            {
                continue;
            }

            var sources = DockerfileQueries.Sources(instruction);
            var destination = DockerfileQueries.Destination(instruction);
            if (sources.Count < 2 || destination is null || ShellWords.HasVariable(destination)
                || destination.EndsWith("/", StringComparison.Ordinal) || destination.EndsWith("\\", StringComparison.Ordinal))
            {
                continue;
            }

            context.Report(instruction, $"{instruction.Name} copies {sources.Count} sources to '{destination}', which does not end with '/', so Docker fails the build. Write '{destination}/'.");
        }
    }
}
