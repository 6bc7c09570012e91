using System;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Organisations that keep "golden" base images list the registries builds may pull from
/// (<c>DockerfileGenAllowedRegistries</c>); any other registry is flagged. Silent when no list is set.
/// </summary>
public sealed class DFG2002_RegistryNotAllowed : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2002";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "A base image from a registry outside `DockerfileGenAllowedRegistries` (when that list is set).";

    /// <inheritdoc />
    public override string Fix => "Use the approved (golden) image from an allowed registry, or add the registry to the list.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var allowed = context.Options.AllowedRegistries;
        if (allowed.Count == 0)
        {
            return;
        }

        var document = context.Document;
        foreach (var stage in document.Stages)
        {
            if (!DockerfileQueries.IsExternalImage(document, stage) || Parsing.ShellWords.HasVariable(stage.ExpandedBaseImage))
            {
                continue;
            }

            var image = ImageName.Parse(stage.ExpandedBaseImage);
            if (!IsAllowed(image, allowed))
            {
                context.Report(stage.From, $"The base image '{stage.ExpandedBaseImage}' comes from '{image.Registry}', which is not an allowed registry ({string.Join(", ", allowed)}). Use the approved image from an allowed registry.");
            }
        }
    }

    private static bool IsAllowed(ImageName image, System.Collections.Generic.IReadOnlyList<string> allowed)
    {
        var full = image.Registry + "/" + image.Repository;
        foreach (var entry in allowed)
        {
            var normalized = entry.ToLowerInvariant();
            if (normalized == "docker.io/library" && image.Registry == ImageName.DockerHub && image.Repository.StartsWith("library/", StringComparison.Ordinal))
            {
                return true;
            }

            if (string.Equals(image.Registry, normalized, StringComparison.OrdinalIgnoreCase)
                || full.StartsWith(normalized + "/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
