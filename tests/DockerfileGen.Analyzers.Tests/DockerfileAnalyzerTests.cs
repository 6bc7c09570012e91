extern alias core;
extern alias dockerfile;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using DockerfileAnalyzer = dockerfile::DockerfileGen.Analyzers.DockerfileAnalyzer;
using DockerfileValidator = core::DockerfileGen.Validation.DockerfileValidator;
using GeneratedFileMarker = core::DockerfileGen.Rendering.GeneratedFileMarker;
using GenerationState = core::DockerfileGen.Model.GenerationState;

namespace DockerfileGen.Analyzers.Tests;

/// <summary>The validator's findings reach the IDE through the analyzer, at their place in the Dockerfile.</summary>
public sealed class DockerfileAnalyzerTests
{
    private const string Dockerfile = "/src/App/Dockerfile";

    private const string Good = """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
        WORKDIR /app
        COPY . .
        USER $APP_UID
        ENTRYPOINT ["./App"]

        """;

    private const string GoodIgnore = "*\n!App.dll\n";

    private static readonly Dictionary<string, string> Defaults = new() { ["DockerfileGenDockerfileName"] = "Dockerfile" };

    private static ImmutableArray<Diagnostic> Analyze(string dockerfile, Dictionary<string, string>? properties = null, string? ignore = GoodIgnore, ReportDiagnostic? dfg2001 = null, string path = Dockerfile, string? origins = null)
    {
        var files = new List<AdditionalText> { new InMemoryAdditionalText(path, dockerfile) };
        if (origins is not null)
        {
            files.Add(new InMemoryAdditionalText(Path.GetDirectoryName(path) + "/obj/Debug/net10.0/DockerfileGen.generation", origins));
        }

        if (ignore is not null)
        {
            files.Add(new InMemoryAdditionalText(Path.GetDirectoryName(path) + "/.dockerignore", ignore));
        }

        var compilation = Harness.Compilation("System.Console.WriteLine();");
        if (dfg2001 is { } option)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["DFG2001"] = option }));
        }

        var options = new AnalyzerOptions(files.ToImmutableArray(), new OptionsProvider(properties ?? Defaults));
        return compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DockerfileAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void DoesNotCatch_AGoodDockerfile() => Assert.Empty(Analyze(Good));

    [Fact]
    public void Catches_FindingAtItsLineAndColumnInTheDockerfile()
    {
        var diagnostic = Assert.Single(Analyze(Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal)));

        Assert.Equal("DFG2001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(Dockerfile, span.Path);
        Assert.Equal(0, span.StartLinePosition.Line);
        Assert.True(span.EndLinePosition.Character > span.StartLinePosition.Character);
        Assert.Contains("latest", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Catches_ErrorsAndPlacesThemOnLaterLines()
    {
        var diagnostics = Analyze(Good + "COPY --from=nowhere /x /y\n");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "DFG1004");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void HonoursRuleSeverityProperty()
    {
        var latest = Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(Analyze(latest, new(Defaults) { ["DockerfileGenRuleSeverity"] = "DFG2001=error" })).Severity);
        Assert.Empty(Analyze(latest, new(Defaults) { ["DockerfileGenRuleSeverity"] = "DFG2001=none" }));
    }

    [Fact]
    public void HonoursEditorConfigAndNoWarn()
    {
        var latest = Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal);

        Assert.Empty(Analyze(latest, dfg2001: ReportDiagnostic.Suppress));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(Analyze(latest, dfg2001: ReportDiagnostic.Error)).Severity);
    }

    [Fact]
    public void HonoursInlineSuppressions()
    {
        Assert.Empty(Analyze("# dockerfilegen ignore=DFG2001\n" + Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal)));
        Assert.Empty(Analyze("# dockerfilegen global ignore=DFG2001\n" + Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReadsTheIgnoreFilePassedBesideIt()
    {
        Assert.Contains(Analyze(Good, ignore: null), d => d.Id == "DFG2016");
        Assert.DoesNotContain(Analyze(Good), d => d.Id == "DFG2016");
    }

    [Fact]
    public void UsesProjectFactsFromBuildProperties()
    {
        var properties = new Dictionary<string, string>(Defaults)
        {
            ["AssemblyName"] = "App",
            ["UseAppHost"] = "false",
            ["TargetFrameworkIdentifier"] = ".NETCoreApp",
            ["TargetFrameworkVersion"] = "v8.0",
        };

        var ids = Analyze(Good, properties).Select(d => d.Id).ToList();

        Assert.Contains("DFG3002", ids);
        Assert.Contains("DFG3009", ids);
    }

    [Fact]
    public void ApphostOfASelfContainedAppIsNotReportedWithUseAppHostOff()
    {
        var properties = new Dictionary<string, string>(Defaults)
        {
            ["AssemblyName"] = "App",
            ["UseAppHost"] = "false",
            ["SelfContained"] = "true",
        };

        Assert.DoesNotContain(Analyze(Good, properties), d => d.Id == "DFG3009");
    }

    // The analyzer sees only the properties the package's props make compiler-visible: each one the validator's
    // mapping reads must be among them, or the IDE and the build would judge the same Dockerfile differently.
    [Fact]
    public void EveryPropertyTheValidatorReadsIsVisibleToTheCompiler()
    {
        var asked = new List<string>();
        core::DockerfileGen.Validation.ValidationOptions.FromProperties(name => { asked.Add(name); return ""; });
        var props = File.ReadAllText(Path.Combine(RepoRoot.Path, "build", "DockerfileGen.props"));
        var visible = System.Text.RegularExpressions.Regex.Matches(props, "<CompilerVisibleProperty Include=\"([^\"]*)\"")
            .SelectMany(match => match.Groups[1].Value.Split(';'))
            .ToHashSet(StringComparer.Ordinal);

        // Source facts come from the app's own code (the analyzer's generator), not from properties; TargetFramework is
        // the command line's fallback for TargetFrameworkIdentifier/TargetFrameworkVersion; no rule reads ReadyToRun.
        var notProperties = new[] { "DockerfileGen.NeedsGlobalization", "DockerfileGen.Ports", "TargetFramework", "PublishReadyToRun" };
        var missing = asked.Distinct().Except(notProperties).Where(name => !visible.Contains(name)).ToList();

        Assert.True(asked.Count > 0);
        Assert.True(missing.Count == 0, "Read by ValidationOptions.FromProperties but not compiler-visible: " + string.Join(", ", missing));
    }

    [Fact]
    public void AnalyzesTheDockerfileNamedByTheProperty()
    {
        var latest = Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal);

        Assert.Empty(Analyze(latest, path: "/src/App/Other.txt"));
        Assert.Single(Analyze(latest, new() { ["DockerfileGenDockerfileName"] = "api.Dockerfile" }, path: "/src/App/api.Dockerfile"));
        Assert.Empty(Analyze(latest, new()));
        Assert.Empty(Analyze(latest, new(Defaults) { ["DockerfileGenValidate"] = "false" }));
    }

    [Fact]
    public void NamesTheCauseOfAFindingOnAGeneratedDockerfileAsTheBuildDoes()
    {
        var generated = GeneratedFileMarker.Apply(Good.Replace("aspnet:10.0", "aspnet:latest", StringComparison.Ordinal), "App.csproj");
        var line = generated.Split('\n').ToList().FindIndex(l => l.Contains("aspnet:latest", StringComparison.Ordinal)) + 1;

        Assert.All(Analyze(generated), d => Assert.Contains("DockerfileGen bug", d.GetMessage(), StringComparison.Ordinal));

        var state = new GenerationState { Origins = new Dictionary<int, string> { [line] = "ContainerBaseImage 'mcr.microsoft.com/dotnet/aspnet:latest'" } };
        var named = Analyze(generated, origins: state.ToStateFile().Format());
        Assert.Contains(named, d => d.GetMessage().Contains("This comes from ContainerBaseImage 'mcr.microsoft.com/dotnet/aspnet:latest' in the project", StringComparison.Ordinal));
        Assert.DoesNotContain(named, d => d.GetMessage().Contains("bug", StringComparison.Ordinal));

        // Edited by hand: the finding is the editor's, and says nothing of DockerfileGen.
        var edited = Analyze(generated + "# mine\n");
        Assert.NotEmpty(edited);
        Assert.DoesNotContain(edited, d => d.GetMessage().Contains("DockerfileGen", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryValidatorRuleHasADescriptor()
    {
        var ids = new DockerfileAnalyzer().SupportedDiagnostics.Select(d => d.Id);

        Assert.Equal(DockerfileValidator.Rules.Select(r => r.Id), ids);
    }
}
