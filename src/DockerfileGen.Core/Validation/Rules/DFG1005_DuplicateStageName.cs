using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>Two stages with the same name (names compare case-insensitively): Docker rejects the file.</summary>
public sealed class DFG1005_DuplicateStageName : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1005";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "Two stages have the same name.";

    /// <inheritdoc />
    public override string Fix => "Give every stage a unique `AS` name.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in context.Document.Stages)
        {
            if (stage.Name is null || stage.NameStart is null)
            {
                continue;
            }

            if (seen.TryGetValue(stage.Name, out var line))
            {
                context.Report(stage.NameStart.Value, stage.NameStart.Value.Column + stage.Name.Length,
                    $"The stage name '{stage.Name}' is already used on line {line}, so Docker rejects the file. Rename one of them.");
            }
            else
            {
                seen[stage.Name] = stage.From.Start.Line;
            }
        }
    }
}
