using System;
using System.Collections.Generic;
using DockerfileGen.Diagnostics;

namespace DockerfileGen.Validation;

/// <summary>How to validate: severities, the registries allowed, and the optional project and context facts.</summary>
public sealed record ValidationOptions
{
    /// <summary>
    /// Severity per rule id; a null value turns the rule off. Rules not listed keep their default.
    /// </summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Severities { get; init; } = new Dictionary<string, DiagnosticSeverity?>();

    /// <summary>
    /// Registries (host names, optionally with a path prefix such as <c>myregistry.example/golden</c>) base images may
    /// come from. Empty: any registry.
    /// </summary>
    public IReadOnlyList<string> AllowedRegistries { get; init; } = Array.Empty<string>();

    /// <summary>Project facts for the .NET rules; null: those rules stay silent.</summary>
    public ValidationFacts? Facts { get; init; }

    /// <summary>The build context; null: the ignore-file rules stay silent.</summary>
    public BuildContextSnapshot? Context { get; init; }

    /// <summary>
    /// The options a host's MSBuild properties give: <c>DockerfileGenRuleSeverity</c> (entries it cannot read are left
    /// out; a host that reports them reads them with <see cref="ParseSeverities"/>), <c>DockerfileGenAllowedRegistries</c>,
    /// and the project facts <see cref="ValidationFacts.FromProperties"/> reads. The MSBuild task, the IDE analyzer and
    /// the command line map their settings here, so a property means the same to all three.
    /// </summary>
    /// <param name="getProperty">A property's value by name; null for a name the host does not know.</param>
    public static ValidationOptions FromProperties(Func<string, string?> getProperty) => new()
    {
        Severities = ParseSeverities(getProperty("DockerfileGenRuleSeverity"), out _),
        AllowedRegistries = ParseList(getProperty("DockerfileGenAllowedRegistries")),
        Facts = ValidationFacts.FromProperties(getProperty),
    };

    /// <summary>
    /// Reads <c>DFG2001=none;DFG2004=error</c> (severities <c>error</c>, <c>warning</c>, <c>info</c>, <c>none</c>;
    /// separators <c>;</c> or <c>,</c>). Entries it cannot read are returned in <paramref name="invalid"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, DiagnosticSeverity?> ParseSeverities(string? text, out IReadOnlyList<string> invalid)
    {
        var result = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
        var bad = new List<string>();
        foreach (var raw in (text ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var equals = entry.IndexOf('=');
            var id = equals < 0 ? "" : entry.Substring(0, equals).Trim().ToUpperInvariant();
            var value = equals < 0 ? "" : entry.Substring(equals + 1).Trim().ToLowerInvariant();
            switch (value)
            {
                case "error": result[id] = DiagnosticSeverity.Error; break;
                case "warning": result[id] = DiagnosticSeverity.Warning; break;
                case "info": case "suggestion": result[id] = DiagnosticSeverity.Info; break;
                case "none": case "silent": case "off": result[id] = null; break;
                default: bad.Add(entry); continue;
            }

            if (id.Length == 0)
            {
                bad.Add(entry);
                result.Remove(id);
            }
        }

        invalid = bad;
        return result;
    }

    /// <summary>
    /// True for the id of a rule of the validator: an entry for any other id (a typo, or a DFG4xxx diagnostic, which is
    /// the compiler's) would silently do nothing.
    /// </summary>
    public static bool IsRuleId(string id)
    {
        foreach (var rule in DockerfileValidator.Rules)
        {
            if (rule.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a <c>;</c>- or <c>,</c>-separated registry list.</summary>
    public static IReadOnlyList<string> ParseList(string? text)
    {
        var result = new List<string>();
        foreach (var raw in (text ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim().TrimEnd('/');
            if (entry.Length > 0)
            {
                result.Add(entry);
            }
        }

        return result;
    }
}
