using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>MAINTAINER has been deprecated since Docker 1.13; a label carries the same information in a standard key.</summary>
public sealed class DFG2018_MaintainerDeprecated : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2018";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "The deprecated MAINTAINER instruction.";

    /// <inheritdoc />
    public override string Fix => "`LABEL org.opencontainers.image.authors=\"…\"`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            if (instruction.Name == "MAINTAINER")
            {
                context.Report(instruction, "MAINTAINER is deprecated. Use LABEL org.opencontainers.image.authors=\"…\" instead.");
            }
        }
    }
}
