using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>apt-get update</c> leaves tens of megabytes of package lists in <c>/var/lib/apt/lists</c>; they must be
/// removed in the same RUN (a later RUN cannot shrink the layer). An update in a RUN of its own is also cached
/// forever, so a later install works from stale lists.
/// </summary>
public sealed class DFG2008_AptListsNotRemoved : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2008";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`apt-get update`/`install` without `rm -rf /var/lib/apt/lists/*` in the same RUN in a stage that reaches the image, or `apt-get update` in a RUN of its own.";

    /// <inheritdoc />
    public override string Fix => "`RUN apt-get update && apt-get install -y --no-install-recommends … && rm -rf /var/lib/apt/lists/*`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        foreach (var instruction in document.EveryInstruction)
        {
            if (instruction.Name != "RUN")
            {
                continue;
            }

            var update = false;
            var install = false;
            foreach (var program in new[] { "apt-get", "apt", "aptitude" })
            {
                foreach (var command in DockerfileQueries.CommandsOf(instruction, program))
                {
                    update |= DockerfileQueries.HasWord(command, "update");
                    install |= DockerfileQueries.HasWord(command, "install") || DockerfileQueries.HasWord(command, "upgrade") || DockerfileQueries.HasWord(command, "dist-upgrade") || DockerfileQueries.HasWord(command, "full-upgrade");
                }
            }

            if (!update && !install)
            {
                continue;
            }

            if (update && !install)
            {
                context.Report(instruction, "apt-get update runs in a RUN of its own: its layer is cached, so later installs use stale package lists. Update, install and remove /var/lib/apt/lists/* in one RUN.");
                continue;
            }

            // The lists only cost size in a stage whose files reach the image (an ONBUILD trigger runs in the stage of a
            // later build, which may be its final one); a throw-away build stage can keep them.
            var reaches = instruction.StageIndex < 0 || IsTrigger(document, instruction)
                || DockerfileQueries.ReachesFinalImage(document, document.Stages[instruction.StageIndex]);
            if (reaches && !RemovesLists(instruction) && !ListsInCacheMount(instruction))
            {
                context.Report(instruction, "This RUN installs packages but does not remove /var/lib/apt/lists/*, so the package lists stay in the layer of an image stage. End it with `&& rm -rf /var/lib/apt/lists/*` (or keep the lists in a cache mount).");
            }
        }
    }

    private static bool IsTrigger(Parsing.DockerfileDocument document, Instruction instruction)
    {
        foreach (var candidate in document.Instructions)
        {
            if (ReferenceEquals(candidate.Trigger, instruction))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RemovesLists(Instruction instruction)
    {
        foreach (var command in DockerfileQueries.CommandsOf(instruction, "rm"))
        {
            foreach (var word in command)
            {
                if (word.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A cache or tmpfs mount over the lists keeps them out of the layer.
    private static bool ListsInCacheMount(Instruction instruction) =>
        DockerfileQueries.HasCacheMount(instruction, "/var/lib/apt/lists");
}
