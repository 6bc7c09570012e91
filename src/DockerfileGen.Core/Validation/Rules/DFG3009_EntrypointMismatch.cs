using System;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// The entrypoint must start what publish produced: <c>dotnet App.dll</c> for the project's assembly, and the
/// apphost <c>./App</c> only where publish writes one: with <c>UseAppHost</c>, and always for a self-contained or
/// single-file app, as the deployment mode generation goes by says. Needs project facts.
/// </summary>
public sealed class DFG3009_EntrypointMismatch : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG3009";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "The ENTRYPOINT does not start the published app (`dotnet Other.dll`, or an apphost when `UseAppHost=false`).";

    /// <inheritdoc />
    public override string Fix => "`ENTRYPOINT [\"./<AssemblyName>\"]` with an apphost, `ENTRYPOINT [\"dotnet\", \"<AssemblyName>.dll\"]` without.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var facts = context.Options.Facts;
        if (facts?.AssemblyName is not { Length: > 0 } assembly)
        {
            return;
        }

        var final = DockerfileQueries.FinalStage(context.Document);
        if (final is null)
        {
            return;
        }

        Instruction? entrypoint = null;
        foreach (var stage in DockerfileQueries.Chain(context.Document, final))
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Name == "ENTRYPOINT")
                {
                    entrypoint = instruction;
                }
            }
        }

        if (entrypoint is null)
        {
            return;
        }

        var words = entrypoint.ExecArguments ?? WordsOf(entrypoint);
        if (words.Count == 0 || ShellWords.HasVariable(words[0]))
        {
            return;
        }

        var program = DockerfileQueries.ProgramName(words[0]);
        if (program == "dotnet")
        {
            if (words.Count > 1 && words[1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !ShellWords.HasVariable(words[1])
                && !string.Equals(DockerfileQueries.ProgramName(words[1]), assembly + ".dll", StringComparison.Ordinal))
            {
                context.Report(entrypoint, $"The entrypoint runs {words[1]}, but the project publishes {assembly}.dll. Use ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"].");
            }

            return;
        }

        if (program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(entrypoint, $"The entrypoint executes {words[0]} directly, but a .dll is not executable. Use ENTRYPOINT [\"dotnet\", \"{program}\"]{(facts.Deployment?.StartsAppHost == true ? $" or the apphost [\"./{assembly}\"]" : "")}.");
            return;
        }

        if (facts.Deployment?.StartsAppHost == false && string.Equals(program, assembly, StringComparison.Ordinal))
        {
            context.Report(entrypoint, $"The entrypoint starts the apphost {words[0]}, but the project sets UseAppHost=false, so publish does not write it. Use ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"].");
        }
    }

    private static System.Collections.Generic.IReadOnlyList<string> WordsOf(Instruction instruction)
    {
        var commands = ShellWords.Commands(instruction.ArgumentText);
        return commands.Count > 0 ? DockerfileQueries.WithoutPrefix(commands[0]) : Array.Empty<string>();
    }
}
