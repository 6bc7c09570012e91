using System.Reflection;
using DockerfileGen.Model;
using Microsoft.Build.Framework;

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
    public void StartedExecutablesAndNativeLibrariesRoundTripAndCompareByValue()
    {
        var facts = new SourceFacts { StartedExecutables = new[] { "sh", "curl", "sh" }, NativeLibraries = new[] { "libvips", "libgdiplus" } };

        var read = SourceFacts.FromMetadata(facts.ToMetadata().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

        Assert.Equal(new[] { "curl", "sh" }, read!.StartedExecutables);
        Assert.Equal(new[] { "libgdiplus", "libvips" }, read.NativeLibraries);
        Assert.Equal(facts, read);
        Assert.Equal(facts.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(facts, facts with { StartedExecutables = new[] { "curl" } });
        Assert.NotEqual(facts, facts with { NativeLibraries = new[] { "libvips" } });
    }

    [Fact]
    public void AssemblyWithoutTheNewKeysReadsAsEmptyLists()
    {
        var read = SourceFacts.FromMetadata(new[]
        {
            new KeyValuePair<string, string?>("DockerfileGen.SourceFacts", "1"),
            new KeyValuePair<string, string?>("DockerfileGen.Ports", "8080"),
        });

        Assert.Empty(read!.StartedExecutables);
        Assert.Empty(read.NativeLibraries);
        Assert.Equal(new SourceFacts { Ports = new[] { 8080 } }, read);
        Assert.DoesNotContain(read.ToMetadata(), p => p.Key is "DockerfileGen.StartedExecutables" or "DockerfileGen.NativeLibraries");
    }

    [Fact]
    public void UnknownFormatVersionGivesNull() =>
        Assert.Null(SourceFacts.FromMetadata(new[] { new KeyValuePair<string, string?>("DockerfileGen.SourceFacts", "2") }));

    [Fact]
    public void TheTaskRemembersTheFactsUntilTheAssemblyChanges()
    {
        using var temp = new DockerfileGen.Testing.TempDirectory();
        var assembly = Path.Combine(temp.Path, "App.dll");
        File.Copy(typeof(SourceFactsReaderTests).Assembly.Location, assembly);
        var cache = Path.Combine(temp.Path, "obj", "DockerfileGen.facts");
        ITaskItem[] Run()
        {
            var task = new ReadSourceFacts { BuildEngine = new FakeBuildEngine(), AssemblyPath = assembly, CachePath = cache };
            Assert.True(task.Execute());
            return task.Facts;
        }

        var first = Run();
        Assert.Contains(first, item => item.ItemSpec == "DockerfileGen.HealthPath" && item.GetMetadata("Value") == "/healthz");
        Assert.True(File.Exists(cache));

        // While the assembly is unchanged the remembered facts are used: a planted value proves the assembly was not read.
        File.WriteAllText(cache, File.ReadAllText(cache).Replace("\t/healthz", "\t/remembered"));
        Assert.Contains(Run(), item => item.ItemSpec == "DockerfileGen.HealthPath" && item.GetMetadata("Value") == "/remembered");

        // A rewritten assembly is read again.
        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(first.Select(i => i.ItemSpec + "=" + i.GetMetadata("Value")), Run().Select(i => i.ItemSpec + "=" + i.GetMetadata("Value")));

        // No assembly, no facts.
        File.Delete(assembly);
        Assert.Empty(Run());
    }
}
