using System.Text.RegularExpressions;
using DockerfileGen.Testing;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation;

/// <summary>
/// A corpus of Dockerfiles written for the project in the shapes found in the wild (the official .NET samples and image
/// Dockerfiles, Windows and IIS images, cache mounts, AOT, throw-away stages, extra ports, community files). Each
/// <c>Corpus/NAME/expected.txt</c> lists the findings a maintainer of such a file would accept, one per line:
/// <c>LINE RULE  # why</c>. Two more kinds name work that other rules own: <c>LINE pending RULE</c> (a finding that
/// rule will add) and <c>LINE pending-absent RULE</c> (a false positive it will remove); both are tolerated either way
/// until that rule lands. A <c># context: names…</c> line lints with a build context holding those names (and the
/// case's <c>.dockerignore</c>, if any).
/// </summary>
public sealed class CorpusTests
{
    /// <summary>The rules that other work owns, which alone may be named by pending lines.</summary>
    private static readonly HashSet<string> OwnedElsewhere = new(StringComparer.Ordinal) { "DFG3007", "DFG2012", "APP_UID" };

    private static readonly Regex Entry = new(@"^(?<line>\d+)\s+(?:(?<kind>pending|pending-absent)\s+)?(?<rule>[A-Z0-9_]+)\s*(?:#.*)?$");

    public static string Root => Path.Combine(RepoPaths.Root, "tests", "DockerfileGen.Core.Tests", "Corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(name!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CorpusFileDrawsExactlyTheFindingsAMaintainerAccepts(string name)
    {
        var (expected, pending, options) = Read(name);
        var findings = DockerfileValidator.Validate(File.ReadAllText(Path.Combine(Root, name, "Dockerfile")), options).Findings;

        var missing = new List<(int, string)>(expected);
        var unexpected = new List<string>();
        foreach (var finding in findings)
        {
            var key = (finding.Line, finding.RuleId);
            if (!missing.Remove(key) && !pending.Contains(key))
            {
                unexpected.Add($"{finding.Line} {finding.RuleId}  # {finding.Message}");
            }
        }

        Assert.True(unexpected.Count == 0 && missing.Count == 0,
            $"{name}: unexpected findings:\n{string.Join("\n", unexpected)}\nexpected but not reported:\n{string.Join("\n", missing.Select(m => $"{m.Item1} {m.Item2}"))}");
    }

    [Fact]
    public void CorpusHasAtLeastFortyFiles() => Assert.True(Cases().Count >= 40, $"{Cases().Count} corpus files");

    [Theory]
    [InlineData("DFG3007 on an extra EXPOSE the app listens on", "extra-expose-grpc", "DFG3007")]
    [InlineData("DFG3007 on an IIS image", "dotnet-framework-iis", "DFG3007")]
    [InlineData("DFG3007 on an IIS image", "iis-servercore-site", "DFG3007")]
    [InlineData("DFG2003 on Nano Server", "dotnet-sample-nanoserver", "DFG2003")]
    [InlineData("DFG2014 with a NuGet cache mount", "nuget-cache-mount-copy-all", "DFG2014")]
    [InlineData("DFG2008 in a throw-away stage", "dotnet-sample-aot-8-clang-in-build-stage", "DFG2008")]
    [InlineData("DFG2008 in a throw-away stage", "spa-node-in-throwaway-stage", "DFG2008")]
    [InlineData("DFG2016 when none of its files exists", "no-ignore-file-clean-context", "DFG2016")]
    [InlineData("DFG3030 on a Native AOT app, one file", "dotnet-sample-aot", "DFG3030")]
    public void EveryKnownFalsePositiveHasACaseThatDoesNotExpectIt(string falsePositive, string name, string rule)
    {
        Assert.True(Directory.Exists(Path.Combine(Root, name)), $"no corpus case for {falsePositive}");
        var (expected, _, _) = Read(name);
        Assert.DoesNotContain(expected, e => e.Rule == rule);
    }

    [Fact]
    public void PendingLinesNameOnlyRulesOwnedElsewhere()
    {
        foreach (var name in Directory.GetDirectories(Root).Select(Path.GetFileName))
        {
            foreach (var line in File.ReadAllLines(Path.Combine(Root, name!, "expected.txt")))
            {
                var match = Entry.Match(line.Trim());
                if (match.Success && match.Groups["kind"].Success)
                {
                    Assert.Contains(match.Groups["rule"].Value, OwnedElsewhere);
                }
            }
        }
    }

    private static (List<(int Line, string Rule)> Expected, HashSet<(int, string)> Pending, ValidationOptions Options) Read(string name)
    {
        var expected = new List<(int, string)>();
        var pending = new HashSet<(int, string)>();
        var options = new ValidationOptions();
        foreach (var raw in File.ReadAllLines(Path.Combine(Root, name, "expected.txt")))
        {
            var line = raw.Trim();
            if (line.StartsWith("# context:", StringComparison.Ordinal))
            {
                var names = line.Substring("# context:".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                var ignore = Path.Combine(Root, name, ".dockerignore");
                options = options with
                {
                    Context = new BuildContextSnapshot { IgnoreFileText = File.Exists(ignore) ? File.ReadAllText(ignore) : null, HasEntryNamed = names.Contains },
                };
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Entry.Match(line);
            Assert.True(match.Success, $"{name}/expected.txt: cannot read '{line}'");
            var key = (int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["rule"].Value);
            if (match.Groups["kind"].Success)
            {
                pending.Add(key);
            }
            else
            {
                expected.Add(key);
            }
        }

        return (expected, pending, options);
    }
}
