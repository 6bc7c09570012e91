using DockerfileGen.Diagnostics;
using System;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// pip keeps every wheel it downloaded in ~/.cache/pip; in an image that is dead weight in the layer.
/// </summary>
public sealed class DFG2040_PipCacheNotDisabled : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG2040";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    /// <inheritdoc />
    public override string Title => "`pip install` without `--no-cache-dir` (pip's download cache stays in the layer).";

    /// <inheritdoc />
    public override string Fix => "`pip install --no-cache-dir …`, `ENV PIP_NO_CACHE_DIR=1`, or a cache mount on /root/.cache/pip.";

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "on", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Variables.TryGetValue("PIP_NO_CACHE_DIR", out var value) && IsTrue(value)
                || instruction.CommandText.IndexOf("PIP_NO_CACHE_DIR=", StringComparison.Ordinal) >= 0
                || DockerfileQueries.HasCacheMount(instruction, "/root/.cache/pip"))
            {
                continue;
            }

            foreach (var (manager, words, _) in PackageCommands.Installs(instruction))
            {
                if (manager == "pip" && !DockerfileQueries.HasWord(words, "--no-cache-dir"))
                {
                    context.Report(instruction, "pip install keeps its download cache (~/.cache/pip) in the layer. Add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or a cache mount on /root/.cache/pip).");
                    break;
                }
            }
        }
    }
}
