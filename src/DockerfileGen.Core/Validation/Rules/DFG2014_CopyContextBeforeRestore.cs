using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>COPY . .</c> before the restore/install step makes every source edit invalidate the restore layer, so
/// each build downloads every package again. Copy the dependency manifests first, restore, then copy the rest.
/// </summary>
public sealed class DFG2014_CopyContextBeforeRestore : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2014";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`COPY . .` (the whole context) before the restore/install step, so any source edit re-downloads every package.";

    /// <inheritdoc />
    public override string Fix => "Copy the project files (and NuGet.config, Directory.*.props) first, run `dotnet restore`, then `COPY . .` and publish with `--no-restore`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            Instruction? wholeContext = null;
            var restored = false;
            foreach (var instruction in stage.Instructions)
            {
                if (wholeContext is null && DockerfileQueries.ReadsContext(instruction) && CopiesEverything(instruction))
                {
                    wholeContext = instruction;
                    continue;
                }

                if (instruction.Name != "RUN")
                {
                    continue;
                }

                // With a cache mount, the packages of the last restore are still there: a source edit re-runs the restore,
                // but nothing is downloaded again.
                var step = RestoreStep(instruction, restored);
                if (step is not null && wholeContext is not null && !HasCacheMount(instruction))
                {
                    context.Report(wholeContext, $"This copies the whole build context before '{step}' (line {instruction.Start.Line}), so any source edit invalidates the restore layer and every package is downloaded again. Copy the project and package files first, restore, then copy the rest.");
                    break;
                }

                restored |= step is not null || IsDotnet(instruction, "restore");
            }
        }
    }

    private static bool HasCacheMount(Instruction instruction)
    {
        foreach (var mount in DockerfileQueries.Mounts(instruction))
        {
            if (mount["type"] == "cache")
            {
                return true;
            }
        }

        return false;
    }

    private static bool CopiesEverything(Instruction instruction)
    {
        var sources = DockerfileQueries.Sources(instruction);
        foreach (var source in sources)
        {
            var normalized = DockerfileQueries.NormalizeContextPath(source);
            if (normalized == "." || normalized == "*")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDotnet(Instruction instruction, string verb)
    {
        foreach (var command in DockerfileQueries.CommandsOf(instruction, "dotnet"))
        {
            if (command.Count > 1 && command[1] == verb)
            {
                return true;
            }
        }

        return false;
    }

    private static string? RestoreStep(Instruction instruction, bool restored)
    {
        foreach (var raw in DockerfileQueries.Commands(instruction))
        {
            var command = DockerfileQueries.WithoutPrefix(raw);
            if (command.Count < 2)
            {
                continue;
            }

            var program = DockerfileQueries.ProgramName(command[0]);
            var verb = command[1];
            if (program == "dotnet" && verb == "restore")
            {
                return "dotnet restore";
            }

            // publish/build restore implicitly unless told not to.
            if (program == "dotnet" && !restored && (verb == "publish" || verb == "build") && !DockerfileQueries.HasWord(command, "--no-restore"))
            {
                return "dotnet " + verb;
            }

            if ((program == "npm" && (verb == "ci" || verb == "install")) || (program == "yarn" && verb == "install") || (program == "pnpm" && verb == "install")
                || (program == "pip" && verb == "install" && DockerfileQueries.HasWord(command, "-r")) || (program == "go" && verb == "mod"))
            {
                return program + " " + verb;
            }
        }

        return null;
    }
}
