using System.Collections.Immutable;
using System.Reflection;
using DockerfileGen.Analyzers.Source;
using DockerfileGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DockerfileGen.Analyzers.Tests;

/// <summary>Compiles small programs against the running .NET's assemblies plus ASP.NET Core stand-ins, and runs the generator.</summary>
internal static class Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <summary>Minimal stand-ins with the real names and signatures of the ASP.NET Core APIs the generator recognizes.</summary>
    public const string AspNetCoreStubs = """
        namespace Microsoft.AspNetCore.Hosting
        {
            public interface IWebHostBuilder { IWebHostBuilder UseSetting(string key, string? value); }
            public static class HostingAbstractionsWebHostBuilderExtensions
            {
                public static IWebHostBuilder UseUrls(this IWebHostBuilder builder, params string[] urls) => builder;
            }
            public static class WebHostBuilderKestrelExtensions
            {
                public static IWebHostBuilder ConfigureKestrel(this IWebHostBuilder builder, System.Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions> options) => builder;
            }
        }
        namespace Microsoft.AspNetCore.Server.Kestrel.Core
        {
            public class KestrelServerOptions
            {
                public void Listen(System.Net.IPAddress address, int port) { }
                public void Listen(System.Net.IPEndPoint endPoint) { }
                public void ListenAnyIP(int port) { }
                public void ListenLocalhost(int port) { }
            }
        }
        namespace Microsoft.AspNetCore.Routing { public interface IEndpointRouteBuilder { } }
        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class ConfigureWebHostBuilder : Microsoft.AspNetCore.Hosting.IWebHostBuilder
            {
                public Microsoft.AspNetCore.Hosting.IWebHostBuilder UseSetting(string key, string? value) => this;
            }
            public sealed class WebApplicationBuilder
            {
                public ConfigureWebHostBuilder WebHost { get; } = new ConfigureWebHostBuilder();
                public WebApplication Build() => new WebApplication();
            }
            public sealed class WebApplication : Microsoft.AspNetCore.Routing.IEndpointRouteBuilder
            {
                public static WebApplicationBuilder CreateBuilder(string[] args) => new WebApplicationBuilder();
                public System.Collections.Generic.ICollection<string> Urls { get; } = new System.Collections.Generic.List<string>();
                public void Run(string? url = null) { }
                public System.Threading.Tasks.Task RunAsync(string? url = null) => System.Threading.Tasks.Task.CompletedTask;
            }
            public static class HealthCheckEndpointRouteBuilderExtensions
            {
                public static object MapHealthChecks(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern) => endpoints;
            }
        }
        namespace Microsoft.AspNetCore
        {
            public static class WebHost
            {
                public static Microsoft.AspNetCore.Hosting.IWebHostBuilder CreateDefaultBuilder(string[] args) => null!;
            }
        }
        """;

    public static CSharpCompilation Compilation(string program, OutputKind kind = OutputKind.ConsoleApplication, LanguageVersion language = LanguageVersion.Latest, params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            "App",
            new[]
            {
                CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(language), path: "/src/App/Program.cs"),
                CSharpSyntaxTree.ParseText(AspNetCoreStubs, new CSharpParseOptions(language), path: "/src/App/AspNetCoreStubs.cs"),
            },
            References.AddRange(extra),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IDictionary<string, string>? properties = null, bool track = false, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new SourceFactsGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions,
            optionsProvider: new OptionsProvider(properties ?? new Dictionary<string, string>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Runs the generator; returns the facts compiled into the assembly (null: none) and every diagnostic.</summary>
    /// <summary>
    /// Runs the generator, then <see cref="SourceAnalyzer"/> on the result; returns the facts compiled into the assembly
    /// (null: none) and the diagnostics of both.
    /// </summary>
    public static GeneratorRun Run(string program, IDictionary<string, string>? properties = null, OutputKind kind = OutputKind.ConsoleApplication, LanguageVersion language = LanguageVersion.Latest, Func<CSharpCompilation, CSharpCompilation>? configure = null, params MetadataReference[] extra)
    {
        var compilation = Compilation(program, kind, language, extra);
        compilation = configure?.Invoke(compilation) ?? compilation;
        Driver(properties, parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var analyzerDiagnostics = output
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SourceAnalyzer()),
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(properties ?? new Dictionary<string, string>())))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var generatorDiagnostics = driverDiagnostics.AddRange(analyzerDiagnostics);
        var metadata = output.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "System.Reflection.AssemblyMetadataAttribute")
            .Select(a => new KeyValuePair<string, string?>((string)a.ConstructorArguments[0].Value!, (string?)a.ConstructorArguments[1].Value))
            .ToList();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return new GeneratorRun(SourceFacts.FromMetadata(metadata), generatorDiagnostics, errors, output);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running shared framework's assemblies: enough to compile programs that use the BCL.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtime)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>The outcome of one generator run.</summary>
internal sealed record GeneratorRun(SourceFacts? Facts, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> CompileErrors, Compilation Output)
{
    public IEnumerable<string> Ids => Diagnostics.Select(d => d.Id);
}

/// <summary>MSBuild properties as the compiler sees them (<c>build_property.X</c>).</summary>
internal sealed class OptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options global;

    public OptionsProvider(IDictionary<string, string> properties) =>
        global = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> values;

        public Options(Dictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>An additional file given to the compiler.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText text;

    public InMemoryAdditionalText(string path, string content)
    {
        Path = path;
        text = SourceText.From(content);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
