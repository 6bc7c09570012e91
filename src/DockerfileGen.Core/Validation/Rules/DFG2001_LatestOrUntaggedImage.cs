using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Images;

namespace DockerfileGen.Validation.Rules;

/// <summary>An untagged or <c>latest</c> base image changes under you: builds stop being reproducible.</summary>
public sealed class DFG2001_LatestOrUntaggedImage : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2001";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A base image without a tag, or tagged `latest`.";

    /// <inheritdoc />
    public override string Fix => "Pin a version tag (`aspnet:10.0`), or a digest.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        foreach (var stage in document.Stages)
        {
            if (!DockerfileQueries.IsExternalImage(document, stage) || Parsing.ShellWords.HasVariable(stage.ExpandedBaseImage))
            {
                continue;
            }

            var image = ImageName.Parse(stage.ExpandedBaseImage);
            if (image.Digest is not null)
            {
                continue;
            }

            if (image.Tag is null)
            {
                context.Report(stage.From, $"The base image '{stage.ExpandedBaseImage}' has no tag, so it means 'latest' and changes under you. Pin a version tag, for example '{stage.ExpandedBaseImage}:<version>'.");
            }
            else if (string.Equals(image.Tag, "latest", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(stage.From, $"The base image '{stage.ExpandedBaseImage}' uses the 'latest' tag, which changes under you. Pin a version tag.");
            }
        }
    }
}
