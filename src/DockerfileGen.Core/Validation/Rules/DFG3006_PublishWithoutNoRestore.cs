using System;
using System.Linq;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// After a restore layer, <c>dotnet publish</c> without <c>--no-restore</c> restores again: slower, and with a
/// network dependency in the layer that was meant to be offline. Not when restore kept the packages in a cache mount
/// that the publish mounts too: the restore layer can outlive the mount's contents (a pruned builder, a layer cache
/// imported from a registry), so publish must restore, which is a quick check while the mount still holds them.
/// </summary>
public sealed class DFG3006_PublishWithoutNoRestore : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3006";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`dotnet publish`/`build` without `--no-restore` after a `dotnet restore` layer.";

    /// <inheritdoc />
    public override string Fix => "Add `--no-restore` (with the same RID arguments as the restore).";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            foreach (var (restore, command) in DotNetCommand.AfterRestore(stage))
            {
                if (!command.Has("--no-restore") && !command.Has("--no-build") && !SharePackageCache(restore.Instruction, command.Instruction))
                {
                    context.Report(command.Instruction, $"dotnet {command.Verb} restores again although line {restore.Instruction.Start.Line} already restored. Add --no-restore (with the same RID arguments as the restore).");
                }
            }
        }
    }

    private static bool SharePackageCache(Instruction restore, Instruction command) =>
        DockerfileQueries.Mounts(restore).Any(mount => mount["type"] == "cache" && mount.TryGetValue("target", out var target)
                                                       && target.TrimEnd('/').EndsWith(".nuget/packages", StringComparison.Ordinal)
                                                       && DockerfileQueries.HasCacheMount(command, target.TrimEnd('/')));
}
