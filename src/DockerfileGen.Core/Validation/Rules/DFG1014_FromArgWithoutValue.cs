using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Only ARGs declared before the first FROM reach FROM lines; anything else expands to nothing, and so does a
/// declared ARG without default when the build passes no <c>--build-arg</c>. The image reference then reads
/// <c>aspnet:</c> and the build fails.
/// </summary>
public sealed class DFG1014_FromArgWithoutValue : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1014";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "FROM uses an ARG that is not declared before the first FROM, or has no default, so without `--build-arg` the image name is broken.";

    /// <inheritdoc />
    public override string Fix => "Declare the ARG before the first FROM with a default: `ARG DOTNET_VERSION=10.0`.";

    private static bool IsBroken(string reference) =>
        reference.Length == 0 || reference.EndsWith(":", StringComparison.Ordinal) || reference.EndsWith("@", StringComparison.Ordinal)
        || reference.StartsWith(":", StringComparison.Ordinal) || reference.StartsWith("/", StringComparison.Ordinal)
        || reference.Contains("//") || reference.Contains(":@") || reference.Contains("::");

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var declared = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var arg in document.GlobalArgs)
        {
            foreach (var (key, _, hasValue) in InstructionPairs.Of(arg))
            {
                declared[key] = hasValue || (declared.TryGetValue(key, out var before) && before);
            }
        }

        foreach (var stage in document.Stages)
        {
            var texts = new List<string> { stage.BaseImage };
            if (stage.Platform is { } platform)
            {
                texts.Add(platform);
            }

            foreach (var text in texts)
            {
                foreach (var (name, _) in ShellWords.References(text, document.EscapeCharacter))
                {
                    if (!declared.ContainsKey(name) && !stage.From.Variables.ContainsKey(name))
                    {
                        context.Report(stage.From, $"FROM uses ${name}, which no ARG before the first FROM declares, so it expands to nothing. Declare it before the first FROM: ARG {name}=<default>.");
                    }
                }
            }

            // An ARG without default is empty unless the build passes it: does the reference still hold together?
            var empty = ShellWords.Expand(stage.BaseImage, name => declared.TryGetValue(name, out var hasDefault) && !hasDefault ? "" : stage.From.Variables.TryGetValue(name, out var value) ? value : null);
            if (!ShellWords.HasVariable(empty) && IsBroken(empty) && !IsBroken(stage.ExpandedBaseImage))
            {
                context.Report(stage.From, $"Without --build-arg, FROM reads '{empty}', which is not an image reference: an ARG it uses has no default. Give it one before the first FROM (ARG NAME=<default>).");
            }
        }
    }
}
