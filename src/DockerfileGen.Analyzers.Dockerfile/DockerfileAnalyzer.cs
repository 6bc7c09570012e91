using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DockerfileGen.Model;
using DockerfileGen.Rendering;
using DockerfileGen.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CoreSeverity = DockerfileGen.Diagnostics.DiagnosticSeverity;

namespace DockerfileGen.Analyzers;

/// <summary>
/// Runs Core's Dockerfile validator on the project's Dockerfile, which the package passes to the compiler as an
/// additional file, and reports each finding with its rule id at its place in the Dockerfile, so the IDE underlines it
/// in the editor and lists it with the code's diagnostics. Severities follow <c>DockerfileGenRuleSeverity</c>, then
/// <c>.editorconfig</c> (<c>dotnet_diagnostic.DFG2001.severity</c>); inline <c># dockerfilegen ignore=</c> comments
/// apply as in the build. Reads only <see cref="AdditionalText.GetText"/>: no file system access.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class DockerfileAnalyzer : DiagnosticAnalyzer
{
    private const string Category = "DockerfileGen.Dockerfile";

    /// <summary>One descriptor per validator rule, by id.</summary>
    internal static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors =
        DockerfileValidator.Rules.ToImmutableDictionary(
            rule => rule.Id,
            rule => new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                "{0}",
                Category,
                ToRoslyn(rule.DefaultSeverity),
                isEnabledByDefault: true,
                description: rule.Fix),
            StringComparer.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DockerfileValidator.Rules.Select(rule => Descriptors[rule.Id]).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        // An additional-file action: the IDE runs it again when the Dockerfile is edited, without a compile.
        context.RegisterAdditionalFileAction(fileContext =>
        {
            var global = fileContext.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var dockerfileName = BuildProperties.Get(global, "DockerfileGenDockerfileName");
            // A name that is not a Dockerfile's (Program.cs) is never linted as one; the build says why (DFG0006).
            if (dockerfileName.Length == 0
                || !DockerfileGenerator.IsDockerfileName(dockerfileName)
                || !IsNamed(fileContext.AdditionalFile.Path, dockerfileName)
                || BuildProperties.Get(global, "DockerfileGenValidate").Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Analyze(fileContext, global);
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, AnalyzerConfigOptions global)
    {
        var dockerfile = context.AdditionalFile;
        var files = context.Options.AdditionalFiles;
        var source = dockerfile.GetText(context.CancellationToken);
        if (source is null)
        {
            return;
        }

        var text = source.ToString();
        var options = BuildOptions(dockerfile.Path, files, global, context.CancellationToken);

        // As in the build: a finding on DockerfileGen's unedited output names the setting that wrote its line (the
        // origins generation left in obj/), or is a DockerfileGen bug; on a file the user owns or edited it is theirs.
        var unedited = GeneratedFileMarker.IsUnedited(text);
        var stateFile = unedited ? files.FirstOrDefault(f => IsNamed(f.Path, "DockerfileGen.generation")) : null;
        var origins = GenerationState.Parse(stateFile?.GetText(context.CancellationToken)?.ToString())?.Origins ?? new Dictionary<int, string>();
        foreach (var finding in DockerfileValidator.Validate(text, options).Findings)
        {
            var message = unedited ? GeneratedFindings.Explain(finding, origins, options) : finding.Message;
            if (!Descriptors.TryGetValue(finding.RuleId, out var descriptor))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                LocationOf(dockerfile.Path, source, finding),
                ToRoslyn(finding.Severity),
                additionalLocations: null,
                properties: null,
                message));
        }
    }

    /// <summary>The validator's options from the build properties and the ignore file passed beside the Dockerfile.</summary>
    internal static ValidationOptions BuildOptions(string dockerfilePath, ImmutableArray<AdditionalText> files, AnalyzerConfigOptions global, System.Threading.CancellationToken cancellationToken)
    {
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile before the context's .dockerignore.
        var directory = Path.GetDirectoryName(dockerfilePath) ?? "";
        var dockerfileName = Path.GetFileName(dockerfilePath);
        string? ignoreText = null;
        var ignoreName = ".dockerignore";
        foreach (var candidate in new[] { dockerfileName + ".dockerignore", ".dockerignore" })
        {
            var file = files.FirstOrDefault(f => IsNamed(f.Path, candidate) && SameDirectory(f.Path, directory));
            var content = file?.GetText(cancellationToken);
            if (content is not null)
            {
                ignoreText = content.ToString();
                ignoreName = candidate;
                break;
            }
        }

        return ValidationOptions.FromProperties(name => BuildProperties.Get(global, name)) with
        {
            // No file system here: rules that read other context files stay silent, the build's validation runs them.
            Context = new BuildContextSnapshot { IgnoreFileText = ignoreText, IgnoreFileName = ignoreName },
        };
    }

    /// <summary>The finding's span in the Dockerfile, clamped to the text.</summary>
    internal static Location LocationOf(string path, SourceText text, Finding finding)
    {
        var start = Position(text, finding.Line, finding.Column);
        var end = Math.Max(start, Position(text, finding.EndLine, finding.EndColumn));
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static int Position(SourceText text, int line, int column)
    {
        if (text.Lines.Count == 0)
        {
            return 0;
        }

        var textLine = text.Lines[Math.Min(Math.Max(line, 1), text.Lines.Count) - 1];
        return textLine.Start + Math.Min(Math.Max(column - 1, 0), textLine.End - textLine.Start);
    }

    private static bool IsNamed(string path, string name) =>
        string.Equals(Path.GetFileName(path), name, StringComparison.Ordinal);

    private static bool SameDirectory(string path, string directory) =>
        string.Equals(Path.GetDirectoryName(path) ?? "", directory, StringComparison.Ordinal);

    private static DiagnosticSeverity ToRoslyn(CoreSeverity severity) => severity switch
    {
        CoreSeverity.Error => DiagnosticSeverity.Error,
        CoreSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
