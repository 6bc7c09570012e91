using System.Text.Json;
using DockerfileGen.Ignore;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests;

/// <summary>
/// The matcher against <c>@balena/dockerignore</c>, a port of Docker's own matcher, over many generated
/// patterns and paths. Generation keeps to the syntax Docker defines (<c>* ** ? [..] \ !</c>, leading and
/// trailing slashes, <c>.</c> and <c>..</c> segments); characters Docker would hand to its regular
/// expression engine unescaped (<c>+ ( ) { } | ^</c> outside a class) are outside the ignore-file syntax.
/// </summary>
[Trait("Category", "oracle")]
public sealed class DockerIgnoreDifferentialTests
{
    private static readonly string[] PatternSegments =
    {
        "a", "b", "ab", "src", "bin", "obj", "x.cs", "*", "**", "?", "a*", "*.cs", "*b", "?b", "[ab]", "[^a]", "[a-c]x", "[!a]", "\\*", "a\\?", ".", "..", "s?c",
    };

    private static readonly string[] PathSegments = { "a", "b", "ab", "src", "bin", "obj", "x.cs", "y.txt", "*", "?", "!", "bx", "cx", "sac" };

    [SkippableFact]
    public void AgreesWithDockersMatcherOnGeneratedCases()
    {
        Oracles.OracleResults.SkipIfUnavailable();
        var random = new Random(20261128);
        var cases = Enumerable.Range(0, 600).Select(_ => (
            Patterns: Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pattern(random)).ToArray(),
            Paths: Enumerable.Range(0, 40).Select(_ => PathOf(random)).Distinct().ToArray())).ToList();

        var script = Path.Combine(ProjectDirectory(), "Oracles", "dockerignore-oracle.js");
        var json = JsonSerializer.Serialize(new { cases = cases.Select(c => new { patterns = c.Patterns, paths = c.Paths }) });
        var answers = JsonSerializer.Deserialize<bool[][]>(DockerfileOracles.RunNode(script, json))!;

        var disagreements = new List<string>();
        var checkedCount = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var matcher = DockerIgnoreMatcher.Parse(string.Join("\n", cases[i].Patterns));
            for (var j = 0; j < cases[i].Paths.Length; j++)
            {
                checkedCount++;
                if (matcher.IsExcluded(cases[i].Paths[j]) != answers[i][j])
                {
                    disagreements.Add($"[{string.Join(" | ", cases[i].Patterns)}] {cases[i].Paths[j]}: ours {!answers[i][j]}, Docker's {answers[i][j]}");
                }
            }
        }

        Assert.True(checkedCount > 15_000, $"only {checkedCount} checks");

        // Both answers must be common, or the comparison proves little.
        var excluded = answers.SelectMany(a => a).Count(x => x);
        Assert.InRange(excluded, checkedCount / 10, checkedCount - checkedCount / 10);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {checkedCount} disagree:\n" + string.Join("\n", disagreements.Take(30)));
    }

    private static string Pattern(Random random)
    {
        var segments = Enumerable.Range(0, random.Next(1, 4)).Select(_ => PatternSegments[random.Next(PatternSegments.Length)]);
        var text = string.Join("/", segments);
        text = random.Next(6) switch
        {
            0 => "/" + text,
            1 => "./" + text,
            2 => text + "/",
            _ => text,
        };
        return random.Next(4) == 0 ? "!" + text : text;
    }

    private static string PathOf(Random random) =>
        string.Join("/", Enumerable.Range(0, random.Next(1, 5)).Select(_ => PathSegments[random.Next(PathSegments.Length)]));

    private static string ProjectDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
