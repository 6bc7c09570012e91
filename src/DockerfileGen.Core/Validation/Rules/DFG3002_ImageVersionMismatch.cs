using System;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// The runtime image's major version must be the project's target framework (a net8.0 app does not run on
/// the 10.0 runtime without roll-forward), and the SDK must be at least that version. Needs project facts.
/// </summary>
public sealed class DFG3002_ImageVersionMismatch : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3002";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "A .NET image whose version does not fit the target framework (runtime ≠ TFM, or SDK older than the TFM).";

    /// <inheritdoc />
    public override string Fix => "Use the image tag of the target framework: `net10.0` → `:10.0`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Options.Facts?.TargetFrameworkVersion is not { } target)
        {
            return;
        }

        foreach (var stage in context.Document.Stages)
        {
            if (!DockerfileQueries.IsExternalImage(context.Document, stage))
            {
                continue;
            }

            var image = DockerfileQueries.BaseImageOf(context.Document, stage);
            if (image?.DotNetMajor is not { } major)
            {
                continue;
            }

            if (image.IsDotNetSdk)
            {
                if (major < target.Major)
                {
                    context.Report(stage.From, $"The SDK image {stage.ExpandedBaseImage} is .NET {major}, older than the project's target framework (.NET {target}), so it cannot build it. Use the {target} SDK (or newer).");
                }
            }
            else if (image.IsDotNetRuntime && major != target.Major)
            {
                context.Report(stage.From, $"The runtime image {stage.ExpandedBaseImage} is .NET {major}, but the project targets .NET {target}. Use the tag {target}.");
            }
        }
    }
}
