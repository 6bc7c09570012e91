using System.Text.Json;
using DockerfileGen.Planning;

namespace DockerfileGen.Engine.Tests;

/// <summary>The SBOM an image carries: the path its label names, and the document copied out of a container created (never started) from it.</summary>
internal static class ImageSbom
{
    public static (string Path, JsonDocument Document) Read(string workingDirectory, string image)
    {
        var path = ContainerEngine.Run(workingDirectory, "image", "inspect", "--format", $"{{{{index .Config.Labels \"{DockerfilePlanner.SbomLabel}\"}}}}", image)
            .EnsureSuccess("docker image inspect").Output.Trim();
        Assert.StartsWith("/", path);
        var container = "dfg-test-sbom-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var copy = System.IO.Path.Combine(workingDirectory, container + ".cdx.json");
        try
        {
            ContainerEngine.Run(workingDirectory, "create", "--name", container, image).EnsureSuccess("docker create");
            ContainerEngine.Run(workingDirectory, "cp", $"{container}:{path}", copy).EnsureSuccess($"docker cp of {path}, the path the label names");
            return (path, JsonDocument.Parse(File.ReadAllText(copy)));
        }
        finally
        {
            ContainerEngine.Run(workingDirectory, "rm", "-f", container);
            File.Delete(copy);
        }
    }

    /// <summary>The <c>pkg:nuget</c> purls of the document's components.</summary>
    public static List<string> NuGetPackages(JsonDocument document) =>
        document.RootElement.GetProperty("components").EnumerateArray()
            .Select(c => c.TryGetProperty("purl", out var purl) ? purl.GetString()! : "")
            .Where(purl => purl.StartsWith("pkg:nuget/", StringComparison.Ordinal)).ToList();
}
