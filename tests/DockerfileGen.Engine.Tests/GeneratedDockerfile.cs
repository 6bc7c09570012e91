using DockerfileGen.Testing;

namespace DockerfileGen.Engine.Tests;

/// <summary>The Dockerfile a build with the packed package writes, checked before an image is built from it.</summary>
internal static class GeneratedDockerfile
{
    /// <summary>
    /// Builds the project in <paramref name="directory"/>, which writes its Dockerfile, and checks the file: no DFG
    /// warning, <paramref name="finalImage"/> as the final stage's image, and the checks every generated file passes.
    /// Returns the Dockerfile's path.
    /// </summary>
    public static string Generate(PackedPackage package, string directory, string finalImage)
    {
        var build = package.Build(directory).EnsureSuccess("dotnet build (generates the Dockerfile)");
        Assert.DoesNotContain("warning DFG", build.Output);
        var path = Path.Combine(directory, "Dockerfile");
        var dockerfile = File.ReadAllText(path);
        Assert.Contains($"\nFROM {finalImage} AS final\n", dockerfile);
        Assert.Empty(FoundationChecks.Violations(dockerfile));
        return path;
    }
}
