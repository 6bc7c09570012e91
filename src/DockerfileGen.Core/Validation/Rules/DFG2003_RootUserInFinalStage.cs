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
    public override string Title => "The image runs as root: the final stage has no USER, or a stage ends with USER root/0.";

    /// <inheritdoc />
    public override string Fix => "Add `USER $APP_UID` (the .NET images' `app` user) after the last step that needs root.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;

        // Each stage whose last USER is root: the final image then runs as root, and a stage built on this one, or a
        // later step added to it, starts as root (hadolint's DL3002 looks at every stage the same way).
        foreach (var stage in document.Stages)
        {
            Instruction? last = null;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "USER")
                {
                    last = instruction;
                }
            }

            if (last is not null && IsRoot(last))
            {
                var final = ReferenceEquals(stage, DockerfileQueries.FinalStage(document));
                context.Report(last, final
                    ? "The last USER of the final stage is root, so the app runs as root. Switch to a non-root user (`USER $APP_UID`) after the steps that need root."
                    : $"The last USER of the stage on line {stage.From.Start.Line} is root, so what runs after it (a stage built on it, a step added later) runs as root. End the stage with a non-root USER, or drop the USER root.");
            }
        }

        var finalStage = DockerfileQueries.FinalStage(document);
        if (finalStage is null)
        {
            return;
        }

        foreach (var stage in DockerfileQueries.Chain(document, finalStage))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "USER")
                {
                    return;
                }
            }
        }

        var image = DockerfileQueries.BaseImageOf(document, finalStage);
        if (image is { DefaultUserIsNonRoot: true }
            || string.Equals(DockerfileQueries.Chain(document, finalStage)[0].ExpandedBaseImage, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (image is not null && image.IsWindows)
        {
            // Nano Server runs as the unprivileged ContainerUser by default; IIS needs ContainerAdministrator for its
            // service monitor (the worker processes run as their app pool identity). Other Windows images run as
            // ContainerAdministrator, and have no APP_UID.
            if (!image.IsNanoServer && !image.IsIis)
            {
                context.Report(finalStage.From, "The final stage has no USER instruction, so the app runs as ContainerAdministrator. Add `USER ContainerUser` after the steps that need administrator rights.");
            }

            return;
        }

        context.Report(finalStage.From, "The final stage has no USER instruction, so the app runs as root. Add `USER $APP_UID` (or another non-root user) after the steps that need root.");
    }

    internal static bool IsRoot(Instruction user)
    {
        var value = user.Arguments.Count > 0 ? user.Expand(user.Arguments[0].Unquoted) : "";
        var name = value.Split(':')[0];
        return name == "root" || name == "0" || string.Equals(name, "ContainerAdministrator", StringComparison.OrdinalIgnoreCase);
    }
}
