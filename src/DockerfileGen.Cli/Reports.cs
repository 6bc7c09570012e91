using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerfileGen.Diagnostics;
using DockerfileGen.Validation;

namespace DockerfileGen.Cli;

/// <summary>Findings as JSON, and as SARIF 2.1.0 for code-scanning uploaders.</summary>
internal static class Reports
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(string path, IReadOnlyList<Finding> findings)
    {
        var array = new JsonArray();
        foreach (var finding in findings)
        {
            array.Add(new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["severity"] = Level(finding.Severity, sarif: false),
                ["message"] = finding.Message,
                ["file"] = path,
                ["line"] = finding.Line,
                ["column"] = finding.Column,
                ["endLine"] = finding.EndLine,
                ["endColumn"] = finding.EndColumn,
            });
        }

        return new JsonObject { ["file"] = path, ["findings"] = array }.ToJsonString(Indented);
    }

    public static string Sarif(string artifactUri, IReadOnlyList<Finding> findings)
    {
        var rules = new JsonArray();
        var index = new Dictionary<string, int>();
        foreach (var rule in DockerfileValidator.Rules)
        {
            index[rule.Id] = rules.Count;
            rules.Add(new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = rule.GetType().Name.Substring(rule.Id.Length + 1),
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                ["help"] = new JsonObject { ["text"] = rule.Fix },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity, sarif: true) },
                ["properties"] = new JsonObject { ["docs"] = $"docs/rules/{rule.Id}.md" },
            });
        }

        var results = new JsonArray();
        foreach (var finding in findings)
        {
            results.Add(new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["ruleIndex"] = index.TryGetValue(finding.RuleId, out var i) ? i : -1,
                ["level"] = Level(finding.Severity, sarif: true),
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = artifactUri },
                            ["region"] = new JsonObject
                            {
                                ["startLine"] = finding.Line,
                                ["startColumn"] = finding.Column,
                                ["endLine"] = finding.EndLine,
                                ["endColumn"] = finding.EndColumn,
                            },
                        },
                    },
                },
            });
        }

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray
            {
                new JsonObject
                {
                    ["tool"] = new JsonObject
                    {
                        ["driver"] = new JsonObject
                        {
                            ["name"] = "DockerfileGen",
                            ["version"] = ToolVersion.Value,
                            ["semanticVersion"] = ToolVersion.Value,
                            ["rules"] = rules,
                        },
                    },
                    ["columnKind"] = "utf16CodeUnits",
                    ["results"] = results,
                },
            },
        };
        return log.ToJsonString(Indented);
    }

    private static string Level(DiagnosticSeverity severity, bool sarif) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => sarif ? "note" : "info",
    };
}
