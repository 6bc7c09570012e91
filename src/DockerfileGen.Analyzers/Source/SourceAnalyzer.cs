using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerfileGen.Analyzers.Source;

/// <summary>
/// Reports the DFG4xxx diagnostics that point at code (DFG4001–DFG4004), from the same <see cref="SourceScanner"/> the
/// generator uses for the facts. An analyzer rather than the generator reports them, so they sit in the source file
/// and <c>#pragma warning disable</c>, <c>.editorconfig</c> sections and the IDE's suppressions apply as to any warning.
/// Applications only, and nothing when <c>DockerfileGenEnabled=false</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SourceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        SourceDiagnostics.LocalhostBinding,
        SourceDiagnostics.LegacyWebHost,
        SourceDiagnostics.GlobalizationWithInvariantMode,
        SourceDiagnostics.AppDirectoryWrite);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (start.Compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication)
                || BuildProperties.Get(global, "DockerfileGenEnabled").Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var invariant = BuildProperties.IsTrue(global, "InvariantGlobalization");
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (!SourceScanner.IsCandidate(node.Node, node.CancellationToken))
                    {
                        return;
                    }

                    foreach (var finding in SourceScanner.Scan(node.Node, node.SemanticModel, node.CancellationToken))
                    {
                        if (SourceDiagnostics.For(finding, invariant) is { } diagnostic)
                        {
#pragma warning disable RS1005 // The descriptor comes from SourceDiagnostics.For, which returns only the four listed above.
                            node.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, node.Node.GetLocation(), diagnostic.Arguments));
#pragma warning restore RS1005
                        }
                    }
                },
                SyntaxKind.InvocationExpression,
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        });
    }
}
