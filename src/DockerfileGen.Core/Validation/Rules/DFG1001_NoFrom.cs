using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>A Dockerfile without FROM has no base to build on; Docker rejects it.</summary>
public sealed class DFG1001_NoFrom : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1001";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "The Dockerfile has no FROM instruction.";

    /// <inheritdoc />
    public override string Fix => "Start the build with `FROM <image>:<tag>` (only ARG may come before it).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Document.Stages.Count > 0)
        {
            return;
        }

        var position = context.Document.Instructions.Count > 0 ? context.Document.Instructions[0].Start : new TextPosition(1, 1);
        context.Report(position, position.Column + 1, "The Dockerfile has no FROM instruction, so Docker cannot build it. Add `FROM <image>:<tag>` before the first instruction other than ARG.");
    }
}
