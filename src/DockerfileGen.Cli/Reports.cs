using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerfileGen.Diagnostics;
using DockerfileGen.Validation;

namespace DockerfileGen.Cli;

/// <summary>Findings as JSON, and as SARIF 2.1.0 for code-scanning uploaders.</summary>
internal static class Reports
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(IReadOnlyList<(string Path, IReadOnlyList<Finding> Findings)> files)
    {
        var array = new JsonArray();
        foreach (var (path, findings) in files)
        {
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
        }

        return new JsonObject { ["files"] = new JsonArray(files.Select(f => (JsonNode?)JsonValue.Create(f.Path)).ToArray()), ["findings"] = array }.ToJsonString(Indented);
    }

    public static string Sarif(IReadOnlyList<(string ArtifactUri, IReadOnlyList<Finding> Findings)> files)
    {
        var rules = new JsonArray();
        var index = new Dictionary<string, int>();
        foreach (var rule in DockerfileValidator.Rules)
        {
            index[rule.Id] = rules.Count;
            var help = new JsonObject { ["text"] = rule.Fix };
            if (RulePage(rule.Id) is { } markdown)
            {
                help["markdown"] = markdown;
            }

            rules.Add(new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = rule.GetType().Name.Substring(rule.Id.Length + 1),
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                ["helpUri"] = HelpUri(rule.Id),
                ["help"] = help,
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity, sarif: true), ["enabled"] = rule.EnabledByDefault },
            });
        }

        var artifacts = new JsonArray();
        var results = new JsonArray();
        foreach (var (artifactUri, findings) in files)
        {
            var artifactIndex = artifacts.Count;
            artifacts.Add(new JsonObject { ["location"] = new JsonObject { ["uri"] = artifactUri } });
            foreach (var finding in findings)
            {
                results.Add(new JsonObject
                {
                    ["ruleId"] = finding.RuleId,
                    ["ruleIndex"] = index[finding.RuleId],
                    ["level"] = Level(finding.Severity, sarif: true),
                    ["message"] = new JsonObject { ["text"] = finding.Message },
                    ["locations"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["physicalLocation"] = new JsonObject
                            {
                                ["artifactLocation"] = new JsonObject { ["uri"] = artifactUri, ["index"] = artifactIndex },
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
                            ["informationUri"] = DocsBase,
                            ["rules"] = rules,
                        },
                    },
                    ["artifacts"] = artifacts,
                    ["columnKind"] = "utf16CodeUnits",
                    ["results"] = results,
                },
            },
        };
        return log.ToJsonString(Indented);
    }

    /// <summary>
    /// Where the rule pages are: the address the tool was packed with (<c>-p:DockerfileGenRulesDocsUrl=…</c>, for a
    /// published copy of docs/rules/), else the copy of docs/rules/ the tool carries beside itself.
    /// </summary>
    private static readonly string DocsBase = ConfiguredDocsBase() ?? new Uri(Path.Combine(AppContext.BaseDirectory, "docs", "rules") + Path.DirectorySeparatorChar).AbsoluteUri;

    public static string HelpUri(string id) => DocsBase + id + ".md";

    private static string? ConfiguredDocsBase()
    {
        var value = typeof(Reports).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "DockerfileGenRulesDocsUrl")?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value!.EndsWith("/", StringComparison.Ordinal) ? value : value + "/";
    }

    private static string? RulePage(string id)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "docs", "rules", id + ".md");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string Level(DiagnosticSeverity severity, bool sarif) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => sarif ? "note" : "info",
    };
}
