using System.Text.RegularExpressions;
using DockerfileGen.Diagnostics;
using DockerfileGen.Testing;

namespace DockerfileGen.Tasks.Tests;

/// <summary>The README's tables are part of the product: they must say what build/ and Core really do.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    private static string BuildFile(string name) => File.ReadAllText(Path.Combine(RepoPaths.BuildFolder, name));

    /// <summary>Property → default, from the README's property table.</summary>
    private static Dictionary<string, string> ReadmeProperties() =>
        Regex.Matches(Readme, @"^\| `(DockerfileGen\w+)` \| ([^|]+?) \|", RegexOptions.Multiline)
            .Where(m => !DeclaredItems().Contains(m.Groups[1].Value))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('`'));

    /// <summary>Property → default, from the header comment of DockerfileGen.targets.</summary>
    private static Dictionary<string, string> DeclaredProperties()
    {
        var targets = BuildFile("DockerfileGen.targets");
        var header = targets.Substring(0, targets.IndexOf("Public targets", StringComparison.Ordinal));
        return Regex.Matches(header, @"^\s+(DockerfileGen\w+)\s+(\S+)\s{2,}", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [Fact]
    public void CiRunsTheReadmesTestCommand()
    {
        var ci = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".ci", "run"));
        var command = Assert.Single(ci, line => line.StartsWith("dotnet test ", StringComparison.Ordinal));

        Assert.Contains("\n" + command + "   #", Readme.Replace("\r\n", "\n"));
    }

    [Fact]
    public void PropertyTableMatchesTheTargetsHeader()
    {
        Assert.Contains("DockerfileGenEnabled", DeclaredProperties().Keys);
        Assert.Equal(DeclaredProperties().OrderBy(p => p.Key), ReadmeProperties().OrderBy(p => p.Key));
    }

    [Fact]
    public void EveryPublicPropertyUsedInBuildIsDeclared()
    {
        var used = new[] { "DockerfileGen.props", "DockerfileGen.targets" }
            .SelectMany(file => Regex.Matches(BuildFile(file), @"\$\((DockerfileGen\w+)\)|<(DockerfileGen\w+)[ >]"))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Distinct();

        Assert.All(used, name => Assert.Contains(name, DeclaredProperties().Keys.Concat(DeclaredItems())));
    }

    [Fact]
    public void PublicItemsAreInTheReadme()
    {
        Assert.NotEmpty(DeclaredItems());
        Assert.All(DeclaredItems(), item => Assert.Matches($@"(?m)^\| `{item}` \|", Readme));
    }

    /// <summary>Item names from the "Public items" lines of the targets header.</summary>
    private static IEnumerable<string> DeclaredItems() =>
        Regex.Matches(BuildFile("DockerfileGen.targets"), @"Public items[^:]*: (DockerfileGen\w+)").Select(m => m.Groups[1].Value);

    [Fact]
    public void DefaultsInPropsMatchTheTable()
    {
        var defaults = Regex.Matches(BuildFile("DockerfileGen.props"), @"<(DockerfileGen\w+) Condition=""'\$\(\1\)' == ''"">([^<]*)</");
        var table = ReadmeProperties();

        Assert.NotEmpty(defaults);
        foreach (Match match in defaults)
        {
            var value = match.Groups[2].Value;
            Assert.Equal(value.Contains("$(", StringComparison.Ordinal) ? "(package)" : value, table[match.Groups[1].Value]);
        }
    }

    [Fact]
    public void EveryDiagnosticCodeIsDocumented()
    {
        var codes = typeof(DiagnosticCatalog).GetMethods()
            .Where(m => m.IsStatic && m.ReturnType == typeof(Diagnostic))
            .Select(m => ((Diagnostic)m.Invoke(null, m.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)"x" : new[] { "x" }).ToArray())!).Code);

        Assert.All(codes, code => Assert.Matches($@"(?m)^\| {code} \| (error|warning|info) \|", Readme));
    }
}
