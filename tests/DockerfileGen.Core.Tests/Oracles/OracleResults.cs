using System.Collections.Concurrent;
using System.Text.Json;
using DockerfileGen.Testing;

namespace DockerfileGen.Core.Tests.Oracles;

/// <summary>The fixture Dockerfiles of <c>Fixtures/Dockerfiles/*/Dockerfile</c>, hand-written for these comparisons.</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(RepoPaths.Root, "tests", "DockerfileGen.Core.Tests", "Fixtures", "Dockerfiles");

    public static IReadOnlyList<string> Names { get; } = Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static string Text(string name) => File.ReadAllText(Path.Combine(Root, name, "Dockerfile"));
}

/// <summary>Runs the oracles once over every fixture (two at a time: the machine is shared) and keeps their JSON.</summary>
public sealed class OracleResults
{
    private readonly Lazy<IReadOnlyDictionary<string, JsonElement>> results = new(() =>
    {
        var map = new ConcurrentDictionary<string, JsonElement>();
        Parallel.ForEach(Fixtures.Names, new ParallelOptions { MaxDegreeOfParallelism = 2 }, name => map[name] = DockerfileOracles.Lint(Path.Combine(Fixtures.Root, name)));
        return map;
    });

    public JsonElement For(string fixture) => results.Value[fixture];

    /// <summary>
    /// Skips (with the reason) where node is missing; CI sets <c>DOCKERFILEGEN_REQUIRE_ORACLES=1</c> so there a missing
    /// oracle fails the test instead of skipping it.
    /// </summary>
    public static void SkipIfUnavailable()
    {
        var reason = DockerfileOracles.UnavailableReason;
        if (reason is not null && Environment.GetEnvironmentVariable("DOCKERFILEGEN_REQUIRE_ORACLES") == "1")
        {
            Assert.Fail("DOCKERFILEGEN_REQUIRE_ORACLES=1 but " + reason);
        }

        Skip.If(reason is not null, reason);
    }
}

[CollectionDefinition(Name)]
public sealed class OracleCollection : ICollectionFixture<OracleResults>
{
    public const string Name = "Dockerfile oracles";
}
