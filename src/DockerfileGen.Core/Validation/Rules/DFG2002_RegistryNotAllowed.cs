using System;
using System.Collections.Generic;
using System.Globalization;
using DockerfileGen.Images;
using DockerfileGen.Parsing;
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
    public override string Title => "A base image, `COPY --from` image or `RUN --mount=from=` image from a registry outside `DockerfileGenAllowedRegistries` (when that list is set; `*.example.com` and `*` allowed).";

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
            if (DockerfileQueries.IsExternalImage(document, stage))
            {
                Check(context, stage.From, stage.ExpandedBaseImage, "base image", allowed);
            }
        }

        // Images pulled by COPY --from and RUN --mount=from= are pulled from a registry just the same.
        foreach (var instruction in document.EveryInstruction)
        {
            if (instruction.Name == "COPY" && instruction.FlagValue("from") is { Length: > 0 } from)
            {
                CheckReference(context, instruction, instruction.Expand(Parsing.ShellWords.Unquote(from)), "image COPY --from copies from", allowed);
            }
            else if (instruction.Name == "RUN")
            {
                foreach (var mount in DockerfileQueries.Mounts(instruction))
                {
                    if (mount.TryGetValue("from", out var source) && source.Length > 0)
                    {
                        CheckReference(context, instruction, source, "image RUN --mount mounts from", allowed);
                    }
                }
            }
        }
    }

    private static void CheckReference(RuleContext context, Instruction instruction, string reference, string what, IReadOnlyList<string> allowed)
    {
        // A stage name or index is not an image.
        if (context.Document.FindStage(reference) is not null || int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return;
        }

        Check(context, instruction, reference, what, allowed);
    }

    private static void Check(RuleContext context, Instruction instruction, string reference, string what, IReadOnlyList<string> allowed)
    {
        if (Parsing.ShellWords.HasVariable(reference) || string.Equals(reference, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var image = ImageName.Parse(reference);
        if (!IsAllowed(image, allowed))
        {
            context.Report(instruction, $"The {what} '{reference}' comes from '{image.Registry}', which is not an allowed registry ({string.Join(", ", allowed)}). Use the approved image from an allowed registry.");
        }
    }

    /// <summary>
    /// True when an entry allows the image: a registry host (<c>mcr.microsoft.com</c>), a host with a path prefix
    /// (<c>registry.example/golden</c>), <c>*.example.com</c> for any host under that domain, or <c>*</c> for any registry.
    /// </summary>
    internal static bool IsAllowed(ImageName image, IReadOnlyList<string> allowed)
    {
        var full = image.Registry + "/" + image.Repository;
        foreach (var entry in allowed)
        {
            var normalized = entry.ToLowerInvariant();
            if (normalized == "*")
            {
                return true;
            }

            if (normalized == "docker.io/library" && image.Registry == ImageName.DockerHub && image.Repository.StartsWith("library/", StringComparison.Ordinal))
            {
                return true;
            }

            if (normalized.StartsWith("*.", StringComparison.Ordinal))
            {
                var slash = normalized.IndexOf('/');
                var domain = slash < 0 ? normalized.Substring(1) : normalized.Substring(1, slash - 1);
                var prefix = slash < 0 ? "" : normalized.Substring(slash);
                if (image.Registry.EndsWith(domain, StringComparison.OrdinalIgnoreCase)
                    && (prefix.Length == 0 || ("/" + image.Repository).StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }

                continue;
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
