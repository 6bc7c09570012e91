using System.Reflection;
using DockerfileGen.Analyzers.Source;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerfileGen.Analyzers.Tests;

/// <summary>The generator's steps hold only equatable values, so a second run, or an unrelated edit, reuses every output.</summary>
public sealed class IncrementalCachingTests
{
    private const string Program = """
        using System;
        using System.Globalization;
        using Microsoft.AspNetCore.Builder;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Urls.Add("http://localhost:5005");
        app.MapHealthChecks("/healthz");
        Console.WriteLine(new CultureInfo("fr-FR").Name);
        app.Run();
        """;

    private static readonly Dictionary<string, string> Properties = new() { ["DockerfileGenHealthCheck"] = "probe", ["InvariantGlobalization"] = "true" };

    private static readonly string[] TrackedSteps = typeof(SourceFactsGenerator.Steps)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void SecondRunOnTheSameCompilationIsCachedAtEveryStep()
    {
        var compilation = Harness.Compilation(Program);
        var driver = Harness.Driver(Properties, track: true).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertEveryStepReused(second);
        Assert.Equal(2, second.GeneratedSources.Length);
    }

    [Fact]
    public void UnrelatedEditKeepsEveryOutputCached()
    {
        var compilation = Harness.Compilation(Program);
        var driver = Harness.Driver(Properties, track: true).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace App { internal static class Other { public static string Name => \"localhost\"; } }",
            Harness.ParseOptions,
            path: "/src/App/Other.cs"));

        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryStepReused(second);
    }

    [Fact]
    public void RelevantEditChangesTheFacts()
    {
        var compilation = Harness.Compilation(Program);
        var driver = Harness.Driver(Properties, track: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Program.Replace("localhost:5005", "+:5006", StringComparison.Ordinal))));

        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[SourceFactsGenerator.Steps.Result].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("DockerfileGen.Ports\", \"5006\"", second.GeneratedSources.Single(s => s.HintName == "DockerfileGen.SourceFacts.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StepOutputsHoldNoRoslynObjects()
    {
        var compilation = Harness.Compilation(Program);
        var result = Harness.Driver(Properties, track: true).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, 0);
            }
        }
    }

    private static void AssertEveryStepReused(GeneratorRunResult result)
    {
        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            Assert.All(
                result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>Walks the value's fields: a symbol, syntax node or compilation in a step output defeats caching.</summary>
    private static void AssertNoRoslynObjects(object? value, string step, int depth)
    {
        if (value is null || depth > 6 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{step} holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, depth + 1);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, depth + 1);
        }
    }
}
