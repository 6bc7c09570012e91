using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>dotnet publish --no-restore</c> uses the assets file restore wrote: if publish asks for a runtime
/// identifier restore did not restore for, the build fails with NETSDK1047.
/// </summary>
public sealed class DFG3003_RestorePublishRidMismatch : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3003";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "`dotnet restore` and `dotnet publish --no-restore` with different RID arguments (NETSDK1047).";

    /// <inheritdoc />
    public override string Fix => "Pass the same `-r`/`-a`/`--os` arguments to restore and publish.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            foreach (var (restore, command) in DotNetCommand.AfterRestore(stage))
            {
                if (command.Has("--no-restore") && command.RidArguments != restore.RidArguments)
                {
                    var restoreArgs = restore.RidArguments.Length == 0 ? "none" : restore.RidArguments;
                    var publishArgs = command.RidArguments.Length == 0 ? "none" : command.RidArguments;
                    context.Report(command.Instruction, $"dotnet {command.Verb} --no-restore uses RID arguments ({publishArgs}) that differ from the restore on line {restore.Instruction.Start.Line} ({restoreArgs}), so it fails with NETSDK1047. Pass the same -r/-a/--os arguments to both.");
                }
            }
        }
    }
}
