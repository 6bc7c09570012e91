using System.Collections.Generic;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts; the earlier ones are dead code that misleads.</summary>
public sealed class DFG1007_MultipleCmdOrEntrypoint : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1007";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage (only the last one takes effect).";

    /// <inheritdoc />
    public override string Fix => "Keep only the last one.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Document.Stages)
        {
            foreach (var keyword in new[] { "CMD", "ENTRYPOINT", "HEALTHCHECK" })
            {
                var all = new List<Instruction>();
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Name == keyword)
                    {
                        all.Add(instruction);
                    }
                }

                for (var i = 0; i < all.Count - 1; i++)
                {
                    context.Report(all[i], $"This {keyword} is overridden by the {keyword} on line {all[all.Count - 1].Start.Line}: only the last one in a stage takes effect. Remove it.");
                }
            }
        }
    }
}
