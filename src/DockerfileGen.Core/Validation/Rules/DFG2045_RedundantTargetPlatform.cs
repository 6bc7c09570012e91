using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// A stage is built for the target platform unless its FROM says otherwise: <c>--platform=$TARGETPLATFORM</c> changes
/// nothing and suggests it does.
/// </summary>
public sealed class DFG2045_RedundantTargetPlatform : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2045";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "`FROM --platform=$TARGETPLATFORM`, which is what FROM does without the flag.";

    /// <inheritdoc />
    public override string Fix => "Remove the flag.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            var flag = stage.From.Flag("platform");
            if (flag?.Value is "$TARGETPLATFORM" or "${TARGETPLATFORM}")
            {
                context.Report(flag, "--platform=$TARGETPLATFORM is the default, so the flag changes nothing. Remove it.");
            }
        }
    }
}
