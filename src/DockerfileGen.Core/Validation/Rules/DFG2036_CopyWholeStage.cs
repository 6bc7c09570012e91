using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Copying the root of a stage brings everything it has: the base image, compilers, package caches, sources.
/// Multi-stage builds exist to leave those behind.
/// </summary>
public sealed class DFG2036_CopyWholeStage : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2036";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "`COPY --from=<stage> / /`: the whole file system of another stage (its SDK, caches, package lists) lands in this one.";

    /// <inheritdoc />
    public override string Fix => "Copy only what the app needs: `COPY --from=build /app/publish /app`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "COPY" || instruction.FlagValue("from") is not { Length: > 0 } from)
            {
                continue;
            }

            foreach (var source in DockerfileQueries.Sources(instruction))
            {
                if (source is "/" or "/." or "/*" or "." or "./")
                {
                    context.Report(instruction, $"COPY --from={from} copies the whole file system of '{from}' (its base image, tools and caches). Copy only the folders the app needs.");
                    break;
                }
            }
        }
    }
}
