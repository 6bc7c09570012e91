using BenchmarkDotNet.Attributes;
using DockerfileGen.Parsing;
using DockerfileGen.Validation;

namespace DockerfileGen.Benchmarks;

[MemoryDiagnoser]
public class ValidatorBenchmarks
{
    private string text = "";
    private ValidationOptions options = new();

    [Params(2000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = LargeDockerfile.Create(Lines);
        options = new ValidationOptions
        {
            AllowedRegistries = new[] { "mcr.microsoft.com" },
            Facts = new ValidationFacts { AssemblyName = "App0", TargetFrameworkVersion = new Images.DotNetVersion(10, 0), Deployment = new Model.DeploymentMode(), NeedsGlobalization = true, RestoreInputs = new[] { "src/App0/App0.csproj" } },
            Context = new BuildContextSnapshot { IgnoreFileText = "*\n!src/\n!Directory.Packages.props\n!NuGet.config\n**/bin/\n**/obj/\n" },
        };
    }

    [Benchmark]
    public DockerfileDocument Parse() => DockerfileParser.Parse(text);

    [Benchmark(Baseline = true)]
    public ValidationResult ParseAndValidate() => DockerfileValidator.Validate(text, options);
}
