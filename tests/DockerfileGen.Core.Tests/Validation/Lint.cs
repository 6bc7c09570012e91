using DockerfileGen.Images;
using DockerfileGen.Model;
using DockerfileGen.Validation;

namespace DockerfileGen.Core.Tests.Validation;

/// <summary>Runs the validator for rule tests: does a rule catch a Dockerfile, on which line.</summary>
internal static class Lint
{
    public static IReadOnlyList<Finding> Findings(string dockerfile, ValidationOptions? options = null) =>
        DockerfileValidator.Validate(dockerfile, options).Findings;

    public static List<Finding> Of(string id, string dockerfile, ValidationOptions? options = null) =>
        Findings(dockerfile, options).Where(f => f.RuleId == id).ToList();

    /// <summary>Asserts the rule reports exactly on <paramref name="line"/> (and nowhere else).</summary>
    public static Finding Catches(string id, string dockerfile, int line, ValidationOptions? options = null)
    {
        var findings = Of(id, dockerfile, options);
        Assert.True(findings.Count > 0, $"{id} found nothing in:\n{dockerfile}");
        Assert.All(findings, f => Assert.Equal(line, f.Line));
        Assert.All(findings, f => Assert.True(f.Column >= 1 && f.EndColumn >= f.Column));
        return findings[0];
    }

    public static void DoesNotCatch(string id, string dockerfile, ValidationOptions? options = null)
    {
        var findings = Of(id, dockerfile, options);
        Assert.True(findings.Count == 0, $"{id} reported '{findings.FirstOrDefault()?.Message}' in:\n{dockerfile}");
    }

    public static ValidationOptions WithFacts(ValidationFacts facts) => new() { Facts = facts };

    public static ValidationOptions WithContext(string? ignoreFile, IReadOnlyDictionary<string, string>? files = null) => new()
    {
        Context = new BuildContextSnapshot
        {
            IgnoreFileText = ignoreFile,
            // As the build's host reads the context: a file name matches in any casing, and FindFile gives the real one.
            ReadFile = path => Find(files, path) is { } name ? files![name] : null,
            FindFile = path => Find(files, path),
        },
    };

    public static ValidationFacts Net(int major, string assembly = "App", bool useAppHost = true) => new()
    {
        AssemblyName = assembly,
        TargetFrameworkVersion = new DotNetVersion(major, 0),
        Deployment = new DeploymentMode { UseAppHost = useAppHost },
    };

    private static string? Find(IReadOnlyDictionary<string, string>? files, string path) =>
        files is null ? null
        : files.ContainsKey(path) ? path
        : files.Keys.FirstOrDefault(name => string.Equals(name, path, StringComparison.OrdinalIgnoreCase));
}
