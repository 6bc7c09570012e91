using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// The image runs as root unless its final stage switches to another user: a compromised app then owns the
/// container. Chiseled and distroless .NET images already default to the non-root <c>app</c> user.
/// </summary>
public sealed class DFG2003_RootUserInFinalStage : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2003";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "The final stage runs as root (no USER, or the last USER is root/0).";

    /// <inheritdoc />
    public override string Fix => "Add `USER $APP_UID` (the .NET images' `app` user) after the last step that needs root.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        if (final is null)
        {
            return;
        }

        Instruction? lastUser = null;
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "USER")
                {
                    lastUser = instruction;
                }
            }
        }

        if (lastUser is null)
        {
            var image = DockerfileQueries.BaseImageOf(document, final);
            var tag = image?.Tag ?? "";
            if (tag.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0 || tag.IndexOf("distroless", StringComparison.OrdinalIgnoreCase) >= 0
                || string.Equals(final.BaseImage, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            context.Report(final.From, "The final stage has no USER instruction, so the app runs as root. Add `USER $APP_UID` (or another non-root user) after the steps that need root.");
            return;
        }

        var user = lastUser.Arguments.Count > 0 ? lastUser.Arguments[0].Unquoted : "";
        var name = user.Split(':')[0];
        if (name == "root" || name == "0")
        {
            context.Report(lastUser, "The last USER of the final stage is root, so the app runs as root. Switch to a non-root user (`USER $APP_UID`) after the steps that need root.");
        }
    }
}
