using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A relative COPY destination is resolved against the working directory, which, before the stage sets one, is
/// whatever the base image left: <c>/</c> today, something else after a base image update.
/// </summary>
public sealed class DFG2033_CopyRelativeDestinationWithoutWorkdir : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2033";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`COPY` to a relative destination before any WORKDIR in the stage (it lands wherever the base image left the working directory).";

    /// <inheritdoc />
    public override string Fix => "Set `WORKDIR /app` first, or copy to an absolute path.";

    private static bool IsRelative(string path) =>
        path.Length > 0 && !path.StartsWith("/", StringComparison.Ordinal) && !path.StartsWith("\\", StringComparison.Ordinal)
        && !ShellWords.HasVariable(path) && !(path.Length >= 2 && path[1] == ':');

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var withWorkdir = new bool[document.Stages.Count];
        foreach (var stage in document.Stages)
        {
            var parent = DockerfileQueries.ParentStage(document, stage);
            var workdir = parent is not null && withWorkdir[parent.Index];
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "WORKDIR")
                {
                    workdir = true;
                }
                else if (instruction.Name == "COPY" && !workdir && DockerfileQueries.Destination(instruction) is { } destination && IsRelative(destination))
                {
                    context.Report(instruction, $"COPY to the relative '{destination}' before any WORKDIR in this stage lands in whatever working directory the base image left. Set WORKDIR first, or copy to an absolute path.");
                }
            }

            withWorkdir[stage.Index] = workdir;
        }
    }
}
