using System;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>A relative WORKDIR depends on the WORKDIR before it, which may come from the base image and change with it.</summary>
public sealed class DFG1006_RelativeWorkdir : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1006";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A relative WORKDIR (resolved against whatever WORKDIR the base image left).";

    /// <inheritdoc />
    public override string Fix => "Use an absolute path: `WORKDIR /src`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "WORKDIR" || instruction.Arguments.Count == 0)
            {
                continue;
            }

            var path = instruction.Expand(instruction.Arguments[0].Unquoted);
            var windows = path.Length >= 2 && path[1] == ':';
            if (!path.StartsWith("/", StringComparison.Ordinal) && !Parsing.ShellWords.HasVariable(path) && !windows && !path.StartsWith("\\", StringComparison.Ordinal))
            {
                context.Report(instruction.Arguments[0], $"WORKDIR '{path}' is relative, so where it lands depends on the WORKDIR before it (maybe the base image's). Write the absolute path, for example /{path.TrimStart('.', '/')}.");
            }
        }
    }
}
