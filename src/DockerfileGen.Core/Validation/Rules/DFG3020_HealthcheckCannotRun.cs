using DockerfileGen.Diagnostics;
using DockerfileGen.Images;
using DockerfileGen.Parsing;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// The health check runs inside the container, with what the final image has. Chiseled and distroless .NET images
/// have no shell, so a shell-form <c>HEALTHCHECK CMD …</c> cannot even start; the .NET images carry neither curl nor
/// wget (Alpine's busybox has wget). Such a check never passes: the container is reported unhealthy forever and
/// orchestrators that act on it restart it.
/// </summary>
public sealed class DFG3020_HealthcheckCannotRun : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3020";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "A HEALTHCHECK that cannot run in the final image: shell form on an image without a shell (chiseled, distroless), or curl/wget on a .NET image that does not have it.";

    /// <inheritdoc />
    public override string Fix => "Use a check the image can run: the app's own probe (`DockerfileGenHealthCheck=probe`), `wget` on Alpine, or install the tool; exec form on images without a shell.";

    private static IReadOnlyList<string> FirstCommand(string script)
    {
        var commands = ShellWords.Commands(script);
        return commands.Count > 0 ? DockerfileQueries.WithoutPrefix(commands[0]) : Array.Empty<string>();
    }

    // Installed by a package manager, or copied in, somewhere in the final image's stages.
    private static bool Provides(DockerfileDocument document, Stage final, string program)
    {
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                if ((instruction.Name == "COPY" || instruction.Name == "ADD") && instruction.ArgumentText.IndexOf(program, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }

                foreach (var (_, _, packages) in PackageCommands.Installs(instruction))
                {
                    if (DockerfileQueries.HasWord(packages, program) || DockerfileQueries.HasWord(packages, "busybox"))
                    {
                        return true;
                    }
                }

                foreach (var command in instruction.ShellCommands)
                {
                    var words = DockerfileQueries.WithoutPrefix(command);
                    if (words.Count > 2 && DockerfileQueries.ProgramName(words[0]) is "tdnf" or "dnf" or "microdnf" or "yum" && DockerfileQueries.HasWord(words, program))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var final = DockerfileQueries.FinalStage(document);
        if (final is null)
        {
            return;
        }

        Instruction? healthcheck = null;
        foreach (var stage in DockerfileQueries.Chain(document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "HEALTHCHECK")
                {
                    healthcheck = instruction;
                }
            }
        }

        if (healthcheck is null || healthcheck.Arguments.Count < 2 || !string.Equals(healthcheck.Arguments[0].Value, "CMD", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var image = DockerfileQueries.BaseImageOf(document, final);
        var root = DockerfileQueries.Chain(document, final)[0];
        var scratch = string.Equals(root.ExpandedBaseImage, "scratch", StringComparison.OrdinalIgnoreCase);
        var tag = image?.Name.Tag ?? "";
        var shellless = scratch || image is { HasShell: false };

        // The text after CMD (ArgumentText has continuation lines joined, so this holds across lines).
        var command = healthcheck.ArgumentText.Substring(Math.Min(healthcheck.ArgumentText.Length, healthcheck.Arguments[0].Value.Length)).Trim();
        var exec = command.StartsWith("[", StringComparison.Ordinal) ? JsonStringArray.TryParse(command) : null;
        var shellForm = exec is null || (exec.Count > 0 && exec[0] == "CMD-SHELL");
        if (shellForm && shellless)
        {
            context.Report(healthcheck, $"HEALTHCHECK CMD in shell form runs /bin/sh -c, but {(scratch ? "a scratch image" : image!.Name.Repository + ":" + tag)} has no shell, so the check can never pass. Use the exec form (HEALTHCHECK CMD [\"…\"]) with a program the image has, such as the app's own probe.");
            return;
        }

        var words = exec is null ? FirstCommand(command) : exec[0] == "CMD-SHELL" && exec.Count > 1 ? FirstCommand(exec[1]) : exec;
        var program = words.Count > 0 ? DockerfileQueries.ProgramName(words[0]) : "";
        if ((program != "curl" && program != "wget") || image?.DotNetRepository is null)
        {
            return;
        }

        var alpineWget = program == "wget" && image.Flavor?.Os == OsFamily.Alpine;
        if (alpineWget || (!shellless && Provides(document, final, program)))
        {
            return;
        }

        context.Report(healthcheck, $"HEALTHCHECK runs {program}, but {image.Name.Repository}:{tag} does not have it{(shellless ? " (and cannot install it)" : "")}, so the check can never pass. Use the app's own probe (DockerfileGenHealthCheck=probe){(shellless ? "" : $", or install {program} in the final stage")}.");
    }
}
