using System.Reflection;
using DockerfileGen.Model;

// The facts the generator would write for an app; this test assembly carries them so the reader has a real assembly to read.
[assembly: AssemblyMetadata("DockerfileGen.SourceFacts", "1")]
[assembly: AssemblyMetadata("DockerfileGen.Ports", "5000;8081")]
[assembly: AssemblyMetadata("DockerfileGen.LegacyWebHost", "true")]
[assembly: AssemblyMetadata("DockerfileGen.HealthPath", "/healthz")]
[assembly: AssemblyMetadata("DockerfileGen.NeedsGlobalization", "true")]
[assembly: AssemblyMetadata("DockerfileGen.HealthProbeArgument", "--dockerfilegen-probe")]
[assembly: AssemblyMetadata("Unrelated", "value")]

namespace DockerfileGen.Tasks.Tests;

public sealed class SourceFactsReaderTests
{
    [Fact]
    public void ReadsTheFactsCompiledIntoAnAssembly()
    {
        var facts = SourceFactsReader.Read(typeof(SourceFactsReaderTests).Assembly.Location);

        Assert.Equal(
            new SourceFacts
            {
                Ports = new[] { 8081, 5000 },
                LegacyWebHost = true,
                HealthPath = "/healthz",
                NeedsGlobalization = true,
                HealthProbeArgument = "--dockerfilegen-probe",
            },
            facts);
    }

    [Fact]
    public void AssemblyWithoutFactsGivesNull() =>
        Assert.Null(SourceFactsReader.Read(typeof(SourceFactsReader).Assembly.Location));

    [Fact]
    public void MissingOrNonAssemblyFileGivesNull()
    {
        Assert.Null(SourceFactsReader.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".dll")));
        var text = Path.GetTempFileName();
        try
        {
            File.WriteAllText(text, "not an assembly");
            Assert.Null(SourceFactsReader.Read(text));
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public void MetadataRoundTripsAndComparesByValue()
    {
        var facts = new SourceFacts { Ports = new[] { 8080 }, LocalhostOnly = true, WritesToAppDirectory = true };

        var read = SourceFacts.FromMetadata(facts.ToMetadata().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

        Assert.Equal(facts, read);
        Assert.Equal(facts.GetHashCode(), read!.GetHashCode());
        Assert.NotEqual(facts, facts with { Ports = new[] { 8081 } });
    }

    [Fact]
    public void UnknownFormatVersionGivesNull() =>
        Assert.Null(SourceFacts.FromMetadata(new[] { new KeyValuePair<string, string?>("DockerfileGen.SourceFacts", "2") }));
}
