using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Docker expands every value of an ENV with the variables as they were before the instruction, so
/// <c>ENV DIR=/app PATH=$DIR/bin:$PATH</c> uses the old (usually empty) DIR.
/// </summary>
public sealed class DFG1013_EnvSelfReference : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1013";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "An ENV that uses a variable it defines itself (`ENV A=1 B=$A`): B gets the value A had before.";

    /// <inheritdoc />
    public override string Fix => "Split it: `ENV A=1` then `ENV B=$A`.";

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Document.EveryInstruction)
        {
            if (instruction.Name != "ENV" || InstructionPairs.IsLegacyEnv(instruction))
            {
                continue;
            }

            var pairs = new List<(string Key, DockerfileToken Token)>();
            foreach (var (key, _, token) in DockerfileQueries.KeyValues(instruction))
            {
                pairs.Add((key, token));
            }

            foreach (var (key, token) in pairs)
            {
                var equals = token.Value.IndexOf('=');
                if (equals < 0)
                {
                    continue;
                }

                foreach (var (name, _) in ShellWords.References(token.Value.Substring(equals + 1), context.Document.EscapeCharacter))
                {
                    if (name != key && pairs.Exists(p => p.Key == name) && !instruction.Variables.ContainsKey(name))
                    {
                        context.Report(token, $"{key} uses ${name}, which this same ENV defines: Docker expands it with the value {name} had before this line (none here). Set {name} in an ENV of its own first.");
                    }
                }
            }
        }
    }
}
