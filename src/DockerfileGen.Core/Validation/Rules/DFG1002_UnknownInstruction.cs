using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>A keyword Docker does not know fails the build ("unknown instruction").</summary>
public sealed class DFG1002_UnknownInstruction : DockerfileRule
{
    internal static readonly HashSet<string> Known = new(DockerfileParser.Keywords, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Id => "DFG1002";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "An instruction Docker does not know (a typo, or a shell line that lost its continuation `\\`).";

    /// <inheritdoc />
    public override string Fix => "Correct the keyword, or end the previous line with the escape character to continue it.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (!Known.Contains(instruction.Name))
            {
                context.Report(instruction.Start, instruction.Start.Column + instruction.Keyword.Length,
                    $"'{instruction.Keyword}' is not a Dockerfile instruction, so Docker rejects the file. Correct the keyword, or if this line continues the previous command, end that line with the escape character.");
            }
        }
    }
}
