using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using DockerfileGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerfileGen.Analyzers.Source;

/// <summary>
/// Reads what only the code knows about running the app in a container (the ports it binds, its health endpoint,
/// culture-sensitive code, writes below its own folder, the executables it starts and the native libraries it loads), reports the project-wide DFG4xxx diagnostics (the located ones
/// come from <see cref="SourceAnalyzer"/>, which shares <see cref="SourceScanner"/>), and writes the facts into
/// the compiled assembly as <c>AssemblyMetadata</c> attributes (<see cref="Model.SourceFacts.Keys"/>) for the MSBuild
/// task that generates the Dockerfile after the compile. With <c>DockerfileGenHealthCheck=probe</c> it also compiles
/// in the health probe (<see cref="HealthProbeSource"/>). Applications only; nothing for a library.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SourceFactsGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps, for the caching tests.</summary>
    public static class Steps
    {
        /// <summary>The findings of each candidate node.</summary>
        public const string Findings = nameof(Findings);

        /// <summary>The findings of every candidate node, in one array.</summary>
        public const string CollectedFindings = nameof(CollectedFindings);

        /// <summary>All findings, sorted.</summary>
        public const string AllFindings = nameof(AllFindings);

        /// <summary>What the compilation says (output kind, references, language).</summary>
        public const string Project = nameof(Project);

        /// <summary>The MSBuild properties the generator reads.</summary>
        public const string Options = nameof(Options);

        /// <summary>The sorted findings with the project's facts.</summary>
        public const string FindingsAndProject = nameof(FindingsAndProject);

        /// <summary>Everything the result is made from.</summary>
        public const string ResultInputs = nameof(ResultInputs);

        /// <summary>The facts and diagnostics to emit.</summary>
        public const string Result = nameof(Result);
    }

    /// <summary>The argument that runs the probe instead of the app.</summary>
    public const string ProbeArgument = "--dockerfilegen-probe";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var findings = context.SyntaxProvider
            .CreateSyntaxProvider(SourceScanner.IsCandidate, SourceScanner.Scan)
            .WithTrackingName(Steps.Findings);
        var allFindings = findings
            .Collect()
            .WithTrackingName(Steps.CollectedFindings)
            .Select(static (all, _) => SortedFindings(all))
            .WithTrackingName(Steps.AllFindings);
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(Steps.Options);
        var project = context.CompilationProvider
            .Select(static (compilation, _) => ProjectInfo.From(compilation))
            .WithTrackingName(Steps.Project);
        var result = allFindings
            .Combine(project)
            .WithTrackingName(Steps.FindingsAndProject)
            .Combine(options)
            .WithTrackingName(Steps.ResultInputs)
            .Select(static (input, _) => GeneratorResult.From(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(Steps.Result);

        context.RegisterSourceOutput(result, static (production, model) => Emit(production, model));
    }

    private static EquatableArray<SourceFinding> SortedFindings(ImmutableArray<EquatableArray<SourceFinding>> all)
    {
        var builder = ImmutableArray.CreateBuilder<SourceFinding>();
        foreach (var findings in all)
        {
            builder.AddRange(findings.Items);
        }

        builder.Sort(FindingOrder.Instance);
        return new EquatableArray<SourceFinding>(builder.ToImmutable());
    }

    /// <summary>By file, then position: the first health endpoint in that order is the one recorded.</summary>
    private sealed class FindingOrder : IComparer<SourceFinding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(SourceFinding? x, SourceFinding? y) => x is null ? (y is null ? 0 : -1) : x.CompareTo(y);
    }

    private static void Emit(SourceProductionContext context, GeneratorResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            var descriptor = Array.Find(SourceDiagnostics.All, d => d.Id == diagnostic.Id)!;
            var arguments = new object[diagnostic.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = diagnostic.Arguments.Items[i];
            }

            context.ReportDiagnostic(Diagnostic.Create(descriptor, diagnostic.Location?.ToLocation() ?? Location.None, arguments));
        }

        if (result.Metadata.Count > 0)
        {
            var text = new StringBuilder();
            text.AppendLine("// <auto-generated/>");
            text.AppendLine("// DockerfileGen source facts: what this application's code says about running it in a container.");
            foreach (var pair in result.Metadata)
            {
                text.Append("[assembly: global::System.Reflection.AssemblyMetadataAttribute(")
                    .Append(SymbolDisplay.FormatLiteral(pair.Key, quote: true))
                    .Append(", ")
                    .Append(SymbolDisplay.FormatLiteral(pair.Value, quote: true))
                    .AppendLine(")]");
            }

            context.AddSource("DockerfileGen.SourceFacts.g.cs", text.ToString());
        }

        if (result.Probe is { } probe)
        {
            context.AddSource("DockerfileGen.HealthProbe.g.cs", HealthProbeSource.Render(probe));
        }
    }
}

/// <summary>What the compilation says, as plain values.</summary>
internal sealed record ProjectInfo(bool IsApplication, bool ReferencesSqlClient, bool IsCSharp9OrLater)
{
    /// <summary>
    /// Runs on every edit, so it reads only what costs nothing: options and the names of the references as given
    /// (ExternalReferences: Compilation.References, or a symbol lookup, would bind every reference first).
    /// </summary>
    public static ProjectInfo From(Compilation compilation)
    {
        var kind = compilation.Options.OutputKind;
        var language = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : LanguageVersion.Default;
        return new ProjectInfo(
            kind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication,
            compilation.ExternalReferences.Any(IsSqlClient),
            language >= LanguageVersion.CSharp9);
    }

    private static bool IsSqlClient(MetadataReference reference)
    {
        var name = System.IO.Path.GetFileName((reference as PortableExecutableReference)?.FilePath ?? reference.Display ?? "");
        if (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - 4);
        }

        return string.Equals(name, "Microsoft.Data.SqlClient", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The MSBuild properties the generator reads.</summary>
/// <param name="Disabled"><c>DockerfileGenEnabled=false</c>.</param>
/// <param name="InvariantGlobalization">The project's <c>InvariantGlobalization</c>.</param>
/// <param name="HealthCheck"><c>DockerfileGenHealthCheck</c> as given.</param>
/// <param name="HealthCheckPath"><c>DockerfileGenHealthCheckPath</c> as given.</param>
/// <param name="HasModuleInitializer">
/// False only for a target framework known to lack <c>[ModuleInitializer]</c> (anything but .NET 5 or later); a host
/// that does not pass the framework is trusted to have it.
/// </param>
internal sealed record GeneratorOptions(bool Disabled, bool InvariantGlobalization, string HealthCheck, string HealthCheckPath, bool HasModuleInitializer)
{
    public static GeneratorOptions From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) => new(
        BuildProperties.Get(options, "DockerfileGenEnabled").Equals("false", StringComparison.OrdinalIgnoreCase),
        BuildProperties.IsTrue(options, "InvariantGlobalization"),
        BuildProperties.Get(options, "DockerfileGenHealthCheck"),
        BuildProperties.Get(options, "DockerfileGenHealthCheckPath"),
        HasModuleInitializerAttribute(BuildProperties.Get(options, "TargetFrameworkIdentifier"), BuildProperties.Get(options, "TargetFrameworkVersion")));

    // ModuleInitializerAttribute arrived in .NET 5; the framework comes from MSBuild, so no symbol lookup binds every
    // reference to find out.
    private static bool HasModuleInitializerAttribute(string identifier, string version)
    {
        if (identifier.Length == 0)
        {
            return true;
        }

        return identifier == ".NETCoreApp"
               && Version.TryParse(version.TrimStart('v', 'V'), out var parsed)
               && parsed.Major >= 5;
    }
}

/// <summary>A diagnostic to report, as plain values.</summary>
internal sealed record DiagnosticInfo(string Id, SourceLocation? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocation? location, params string[] arguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(arguments.ToImmutableArray()));
}

/// <summary>What the probe needs to know at compile time.</summary>
internal sealed record ProbeSettings(string Path, int DefaultPort);

/// <summary>The generator's output: metadata pairs, diagnostics, and the probe when it is compiled in.</summary>
internal sealed record GeneratorResult(EquatableArray<MetadataPair> Metadata, EquatableArray<DiagnosticInfo> Diagnostics, ProbeSettings? Probe)
{
    private static readonly GeneratorResult Nothing = new(EquatableArray<MetadataPair>.Empty, EquatableArray<DiagnosticInfo>.Empty, null);

    public static GeneratorResult From(EquatableArray<SourceFinding> findings, ProjectInfo project, GeneratorOptions options)
    {
        if (options.Disabled || !project.IsApplication)
        {
            return options.Disabled || !string.Equals(options.HealthCheck, "probe", StringComparison.OrdinalIgnoreCase)
                ? Nothing
                : new GeneratorResult(EquatableArray<MetadataPair>.Empty, Array(DiagnosticInfo.Create(SourceDiagnostics.ProbeNotPossible, null, "the project is not an application (OutputType Exe)")), null);
        }

        // Diagnostics at a place in the code come from SourceAnalyzer (so #pragma and .editorconfig sections apply to
        // them); the generator reports only what belongs to the whole project.
        var diagnostics = new List<DiagnosticInfo>();
        var bindings = new List<SourceFinding>();
        var ports = new List<int>();
        var allLoopback = true;
        var legacy = false;
        var globalization = false;
        var writes = false;
        var executables = new List<string>();
        var libraries = new List<string>();
        string? healthPath = null;
        foreach (var finding in findings)
        {
            switch (finding.Kind)
            {
                case FindingKind.Binding:
                    bindings.Add(finding);
                    allLoopback &= finding.Loopback;
                    if (finding.Port > 0)
                    {
                        ports.Add(finding.Port);
                    }

                    break;
                case FindingKind.LegacyWebHost:
                    legacy = true;
                    break;
                case FindingKind.Globalization:
                    globalization = true;
                    break;
                case FindingKind.AppDirectoryWrite:
                    writes = true;
                    break;
                case FindingKind.HealthPath:
                    healthPath ??= finding.Value;
                    break;
                case FindingKind.StartedExecutable:
                    executables.Add(finding.Value);
                    break;
                case FindingKind.NativeLibrary:
                    libraries.Add(finding.Value);
                    break;
            }
        }

        if (options.InvariantGlobalization && project.ReferencesSqlClient)
        {
            diagnostics.Add(DiagnosticInfo.Create(SourceDiagnostics.GlobalizationWithInvariantMode, null, "Microsoft.Data.SqlClient"));
        }

        if (ports.Count == 0 && legacy)
        {
            ports.Add(5000);
        }

        ProbeSettings? probe = null;
        // none (the default) and wget need nothing compiled into the app.
        var healthCheck = options.HealthCheck.Trim().ToLowerInvariant();
        if (healthCheck.Length > 0 && healthCheck is not ("none" or "wget" or "false"))
        {
            if (healthCheck != "probe")
            {
                diagnostics.Add(DiagnosticInfo.Create(SourceDiagnostics.UnknownHealthCheck, null, options.HealthCheck));
            }
            else if (!project.IsCSharp9OrLater || !options.HasModuleInitializer)
            {
                diagnostics.Add(DiagnosticInfo.Create(SourceDiagnostics.ProbeNotPossible, null, "the compiler has no [ModuleInitializer] here (C# 9 and .NET 5 or later are needed)"));
            }
            else
            {
                var path = options.HealthCheckPath.Length > 0 ? options.HealthCheckPath : healthPath ?? "/healthz";
                var facts0 = new Model.SourceFacts { Ports = ports };
                probe = new ProbeSettings(path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path, facts0.Ports.Count > 0 ? facts0.Ports[0] : 8080);
            }
        }

        var facts = new Model.SourceFacts
        {
            Ports = ports,
            LocalhostOnly = bindings.Count > 0 && allLoopback,
            LegacyWebHost = legacy,
            HealthPath = healthPath,
            NeedsGlobalization = globalization || project.ReferencesSqlClient,
            WritesToAppDirectory = writes,
            HealthProbeArgument = probe is null ? null : SourceFactsGenerator.ProbeArgument,
            StartedExecutables = executables,
            NativeLibraries = libraries,
        };
        var metadata = ImmutableArray.CreateBuilder<MetadataPair>();
        foreach (var pair in facts.ToMetadata())
        {
            metadata.Add(new MetadataPair(pair.Key, pair.Value));
        }

        return new GeneratorResult(
            new EquatableArray<MetadataPair>(metadata.ToImmutable()),
            new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutableArray()),
            probe);
    }

    private static EquatableArray<T> Array<T>(params T[] items)
        where T : IEquatable<T> => new(items.ToImmutableArray());
}

/// <summary>One <c>AssemblyMetadata</c> key and value.</summary>
internal sealed record MetadataPair(string Key, string Value);
