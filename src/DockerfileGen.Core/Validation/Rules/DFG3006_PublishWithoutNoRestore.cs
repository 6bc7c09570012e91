using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// After a restore layer, <c>dotnet publish</c> without <c>--no-restore</c> restores again: slower, and with a
/// network dependency in the layer that was meant to be offline.
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
                if (!command.Has("--no-restore") && !command.Has("--no-build"))
                {
                    context.Report(command.Instruction, $"dotnet {command.Verb} restores again although line {restore.Instruction.Start.Line} already restored. Add --no-restore (with the same RID arguments as the restore).");
                }
            }
        }
    }
}
