using DockerfileGen.Diagnostics;
using System;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>scratch</c> is Docker's empty image and <c>context</c> names the build context in <c>COPY --from</c> and bake files: a
/// stage with either name is ambiguous, and BuildKit warns about it.
/// </summary>
public sealed class DFG1015_ReservedStageName : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1015";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A stage named `scratch` or `context`, words Docker reserves.";

    /// <inheritdoc />
    public override string Fix => "Rename the stage (`AS build`).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            if (stage.Name is { } name && stage.NameStart is { } start && (string.Equals(name, "scratch", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "context", StringComparison.OrdinalIgnoreCase)))
            {
                context.Report(start, start.Column + name.Length, $"'{name}' is a reserved word in Docker (the empty image, or the build context), so a stage with this name is ambiguous. Rename the stage.");
            }
        }
    }
}
