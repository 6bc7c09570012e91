using System;
using System.Collections.Generic;

namespace DockerfileGen.Parsing;

/// <summary>
/// Gives every instruction the build variables in its scope, the way BuildKit scopes them: ARGs before the first FROM
/// are seen by FROM lines only; in a stage an ARG is in scope from its declaration to the end of the stage (a global ARG
/// only once redeclared, taking its global default); ENV values are set with the scope before the instruction (so
/// <c>ENV A=1 B=$A</c> gives B the old A), win over an ARG of the same name, and pass on to a stage built on this one.
/// </summary>
internal static class BuildVariables
{
    public static readonly IReadOnlyDictionary<string, string?> None = new Dictionary<string, string?>(StringComparer.Ordinal);

    // BuildKit defines these for every build; FROM sees them, a stage only once it declares them (ARG TARGETARCH).
    private static readonly string[] PlatformArgs =
    {
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
    };

    /// <summary>The names BuildKit predefines for FROM lines (their values come from the build).</summary>
    public static IReadOnlyCollection<string> Predefined => PlatformArgs;

    public static void Assign(IReadOnlyList<Instruction> instructions, IReadOnlyList<Stage> stages)
    {
        var global = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in PlatformArgs)
        {
            global[name] = null;
        }

        IReadOnlyDictionary<string, string?> globalScope = global;
        var stageEnvironments = new Dictionary<string, string?>[stages.Count];
        Dictionary<string, string?>? scope = null;
        Dictionary<string, string?>? environment = null;
        IReadOnlyDictionary<string, string?> current = globalScope;
        foreach (var instruction in instructions)
        {
            if (instruction.Name == "FROM")
            {
                // A stage built on an earlier stage starts with that stage's ENVs; ARGs do not carry over.
                var index = instruction.StageIndex;
                environment = new Dictionary<string, string?>(StringComparer.Ordinal);
                if (index >= 0 && index < stages.Count)
                {
                    for (var parent = index - 1; parent >= 0; parent--)
                    {
                        if (stages[parent].Name is { } name && string.Equals(name, stages[index].ExpandedBaseImage, StringComparison.OrdinalIgnoreCase))
                        {
                            foreach (var pair in stageEnvironments[parent])
                            {
                                environment[pair.Key] = pair.Value;
                            }

                            break;
                        }
                    }

                    stageEnvironments[index] = environment;
                }

                scope = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
                Set(instruction, globalScope);
                current = scope;
                continue;
            }

            Set(instruction, current);
            if (instruction.Name != "ARG" && instruction.Name != "ENV")
            {
                continue;
            }

            if (scope is null)
            {
                // Before the first FROM: only ARG is allowed, and it defines a global.
                if (instruction.Name == "ARG")
                {
                    global = new Dictionary<string, string?>(global, StringComparer.Ordinal);
                    foreach (var (key, value, hasValue) in Declarations(instruction, global))
                    {
                        global[key] = hasValue ? value : global.TryGetValue(key, out var known) ? known : null;
                    }

                    globalScope = global;
                    current = global;
                }

                continue;
            }

            var next = new Dictionary<string, string?>(scope, StringComparer.Ordinal);
            foreach (var (key, value, hasValue) in Declarations(instruction, scope))
            {
                if (instruction.Name == "ENV")
                {
                    next[key] = value;
                    environment![key] = value;
                }
                else if (!environment!.ContainsKey(key))
                {
                    next[key] = hasValue ? value : globalScope.TryGetValue(key, out var inherited) ? inherited : null;
                }
            }

            scope = next;
            current = next;
        }
    }

    private static void Set(Instruction instruction, IReadOnlyDictionary<string, string?> variables)
    {
        instruction.Variables = variables;
        if (instruction.Trigger is { } trigger)
        {
            trigger.Variables = variables;
        }
    }

    // The declarations of an ARG or ENV, each value expanded with the scope before the instruction; a value that
    // refers to an unknown variable is unknown (null).
    private static IEnumerable<(string Key, string? Value, bool HasValue)> Declarations(Instruction instruction, IReadOnlyDictionary<string, string?> before)
    {
        foreach (var (key, value, hasValue) in InstructionPairs.Of(instruction))
        {
            if (!hasValue)
            {
                yield return (key, null, false);
                continue;
            }

            var expanded = ShellWords.Expand(value, name => before.TryGetValue(name, out var known) ? known : null);
            yield return (key, ShellWords.HasVariable(expanded) ? null : expanded, true);
        }
    }
}

/// <summary>The <c>key=value</c> pairs of ARG, ENV and LABEL.</summary>
public static class InstructionPairs
{
    /// <summary>
    /// The pairs of an ENV/ARG/LABEL: <c>K=V K2="v 2"</c>, or the legacy <c>ENV K some value</c>; <c>HasValue</c> is false
    /// for an ARG without a default (its value is then empty).
    /// </summary>
    public static IEnumerable<(string Key, string Value, bool HasValue)> Of(Instruction instruction)
    {
        foreach (var (key, value, hasValue, _) in WithTokens(instruction))
        {
            yield return (key, value, hasValue);
        }
    }

    /// <summary>The pairs with the token each comes from.</summary>
    public static IEnumerable<(string Key, string Value, bool HasValue, DockerfileToken Token)> WithTokens(Instruction instruction)
    {
        var tokens = instruction.Arguments;
        if (tokens.Count == 0)
        {
            yield break;
        }

        if (IsLegacyEnv(instruction))
        {
            var value = instruction.ArgumentText.Substring(Math.Min(instruction.ArgumentText.Length, tokens[0].Value.Length)).Trim();
            yield return (tokens[0].Value, ShellWords.Unquote(value), true, tokens[0]);
            yield break;
        }

        foreach (var token in tokens)
        {
            var equals = token.Value.IndexOf('=');
            if (equals < 0)
            {
                yield return (ShellWords.Unquote(token.Value), "", false, token);
            }
            else
            {
                yield return (ShellWords.Unquote(token.Value.Substring(0, equals)), ShellWords.Unquote(token.Value.Substring(equals + 1)), true, token);
            }
        }
    }

    /// <summary>True for the legacy <c>ENV key value</c> form (no <c>=</c> in the first word), which sets one variable.</summary>
    public static bool IsLegacyEnv(Instruction instruction) =>
        instruction.Name == "ENV" && instruction.Arguments.Count > 0 && instruction.Arguments[0].Value.IndexOf('=') < 0;
}
