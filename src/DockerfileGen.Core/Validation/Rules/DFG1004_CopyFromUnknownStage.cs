using System;
using System.Globalization;
using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// <c>COPY --from</c> must name an earlier stage: a later stage (or the stage itself) is an error, and a name
/// no stage has is read as an image Docker will try to pull.
/// </summary>
public sealed class DFG1004_CopyFromUnknownStage : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1004";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "`COPY --from` names a stage that does not exist or is not an earlier stage.";

    /// <inheritdoc />
    public override string Fix => "Name a stage defined above the COPY (`FROM … AS build`), or a full image reference.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        foreach (var instruction in document.Instructions)
        {
            if (instruction.Name != "COPY" || instruction.Flag("from") is not { Value: { Length: > 0 } written } flag || instruction.StageIndex < 0)
            {
                continue;
            }

            // BuildKit expands build variables in --from (COPY --from=${BUILD_STAGE}).
            var value = instruction.Expand(ShellWords.Unquote(written));
            if (ShellWords.HasVariable(value))
            {
                continue;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index >= instruction.StageIndex)
                {
                    context.Report(flag, $"--from={value} refers to stage {index}, which is not before this one (stage {instruction.StageIndex}). Copy from an earlier stage.");
                }

                continue;
            }

            var stage = document.FindStage(value);
            if (stage is not null)
            {
                if (stage.Index >= instruction.StageIndex)
                {
                    context.Report(flag, $"--from={value} refers to the stage '{stage.Name}' on line {stage.From.Start.Line}, which is not before this COPY. Copy from an earlier stage, or move that stage up.");
                }

                continue;
            }

            // A name with a registry, path, tag or digest is an image on purpose.
            if (value.IndexOfAny(new[] { '/', ':', '@', '.' }) < 0)
            {
                context.Report(flag, $"No stage is named '{value}', so Docker will try to pull an image called '{value}'. Name an earlier stage (`FROM … AS {value}`), or write the full image reference.");
            }
        }
    }
}
