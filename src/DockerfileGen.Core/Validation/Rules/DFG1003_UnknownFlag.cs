using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation.Rules;

/// <summary>Docker rejects a flag an instruction does not take, and a flag given twice.</summary>
public sealed class DFG1003_UnknownFlag : DockerfileRule
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["FROM"] = new[] { "platform" },
        ["RUN"] = new[] { "mount", "network", "security" },
        ["COPY"] = new[] { "from", "chown", "chmod", "link", "parents", "exclude" },
        ["ADD"] = new[] { "chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack" },
        ["HEALTHCHECK"] = new[] { "interval", "timeout", "start-period", "start-interval", "retries" },
    };

    // Flags Docker reads as lists, so they may repeat.
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "mount", "exclude" };

    /// <inheritdoc />
    public override string Id => "DFG1003";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string Title => "A flag the instruction does not take (`COPY --form=build`), or the same flag twice.";

    /// <inheritdoc />
    public override string Fix => "Correct or remove the flag; see the instruction's reference for the flags it takes.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Flags.Count == 0 || !DFG1002_UnknownInstruction.Known.Contains(instruction.Name))
            {
                continue;
            }

            var allowed = Allowed.TryGetValue(instruction.Name, out var names) ? names : Array.Empty<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var flag in instruction.Flags)
            {
                var name = flag.Name.ToLowerInvariant();
                if (Array.IndexOf(allowed, name) < 0)
                {
                    var hint = allowed.Length == 0 ? $"{instruction.Name} takes no flags" : $"{instruction.Name} takes --{string.Join(", --", allowed)}";
                    context.Report(flag, $"--{flag.Name} is not a flag of {instruction.Name}, so Docker rejects the file ({hint}). Correct or remove it.");
                }
                else if (!seen.Add(name) && !Repeatable.Contains(name))
                {
                    context.Report(flag, $"--{flag.Name} is given more than once, so Docker rejects the file. Keep one.");
                }
            }
        }
    }
}
