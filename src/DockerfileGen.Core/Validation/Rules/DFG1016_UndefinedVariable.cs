using DockerfileGen.Diagnostics;
using DockerfileGen.Parsing;
using System;
using System.Collections.Generic;

namespace DockerfileGen.Validation.Rules;

/// <summary>
/// Docker expands variables in COPY, ADD, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME and WORKDIR with the ARGs and ENVs
/// in scope; an unknown one becomes empty. The usual causes: a global ARG used in a stage without redeclaring it, a
/// variable used before its ARG, and a typo. A name the file never declares may come from the base image, which the
/// linter cannot see, so it is only reported when it is one letter or two away from a name in scope.
/// </summary>
public sealed class DFG1016_UndefinedVariable : DockerfileRule
{
    /// <inheritdoc />
    public override string Id => "DFG1016";

    /// <inheritdoc />
    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    /// <inheritdoc />
    public override string Title => "A variable used where Docker expands it (COPY, ADD, ENV, WORKDIR, USER, EXPOSE, LABEL, VOLUME) that is not in scope there, so it expands to nothing.";

    /// <inheritdoc />
    public override string Fix => "Declare it in the stage before use (`ARG VERSION` to bring a global ARG into the stage), or fix the name.";

    private static readonly HashSet<string> Expanded = new(StringComparer.Ordinal)
    {
        "ADD", "COPY", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private static string Hint(DockerfileDocument document, Instruction instruction, string name)
    {
        foreach (var arg in document.GlobalArgs)
        {
            foreach (var (key, _, _) in InstructionPairs.Of(arg))
            {
                if (key == name)
                {
                    return $"an ARG before the first FROM is only seen by FROM lines. Add `ARG {name}` to this stage, before line {instruction.Start.Line}.";
                }
            }
        }

        return $"it is declared elsewhere (another stage, or later in this one). Declare it in this stage before line {instruction.Start.Line}.";
    }

    // A name in scope one or two edits away (a typo), for names long enough for that to mean something.
    private static string? Nearest(string name, IEnumerable<string> candidates)
    {
        if (name.Length < 4)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) <= 2 && Distance(name, candidate) <= (name.Length < 8 ? 1 : 2))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var declaredAnywhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instruction in document.EveryInstruction)
        {
            if (instruction.Name is "ARG" or "ENV")
            {
                foreach (var (key, _, _) in InstructionPairs.Of(instruction))
                {
                    declaredAnywhere.Add(key);
                }
            }
        }

        foreach (var instruction in document.EveryInstruction)
        {
            if (instruction.StageIndex < 0 || !Expanded.Contains(instruction.Name))
            {
                continue;
            }

            var own = new HashSet<string>(StringComparer.Ordinal);
            var texts = new List<string>();
            if (instruction.Name is "ENV" or "LABEL")
            {
                foreach (var (key, value, _) in DockerfileQueries.KeyValues(instruction))
                {
                    own.Add(key);
                    texts.Add(value);
                }
            }
            else
            {
                texts.Add(instruction.ArgumentText);
            }

            foreach (var flag in instruction.Flags)
            {
                if (flag.Value is not null && flag.Name is "from" or "chown" or "chmod")
                {
                    texts.Add(flag.Value);
                }
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in texts)
            {
                foreach (var (name, _) in ShellWords.References(text, document.EscapeCharacter))
                {
                    if (instruction.Variables.ContainsKey(name) || own.Contains(name) || !reported.Add(name))
                    {
                        continue;
                    }

                    if (declaredAnywhere.Contains(name))
                    {
                        context.Report(instruction, $"${name} is not in scope here, so Docker expands it to nothing: {Hint(document, instruction, name)}");
                    }
                    else if (Nearest(name, instruction.Variables.Keys) is { } near)
                    {
                        context.Report(instruction, $"${name} is not defined, so Docker expands it to nothing. Did you mean ${near}?");
                    }
                }
            }
        }
    }
}
