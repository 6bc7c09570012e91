using System.Net.Http.Headers;
using System.Text.Json;

namespace DockerfileGen.Engine.Tests;

/// <summary>
/// The registry the push tests push to: Debian's docker-registry on the loopback address, started by
/// <c>registry.sh</c> beside this file (<c>.ci/run</c> runs it), which exports where it listens
/// (<c>DOCKERFILEGEN_TEST_REGISTRY</c>) and where it stores blobs (<c>DOCKERFILEGEN_TEST_REGISTRY_STORAGE</c>).
/// Its blob store is the ground truth of what a push uploaded: one <c>data</c> file per blob it holds.
/// </summary>
public static class TestRegistry
{
    /// <summary>host:port, or null when no registry was started for the tests.</summary>
    public static string? Address => Environment.GetEnvironmentVariable("DOCKERFILEGEN_TEST_REGISTRY") is { Length: > 0 } address ? address : null;

    private static string Storage => Environment.GetEnvironmentVariable("DOCKERFILEGEN_TEST_REGISTRY_STORAGE") ?? "";

    /// <summary>Why the push tests cannot run here, or null when they can.</summary>
    public static string? WhyUnavailable => Address is null || Storage.Length == 0
        ? "no test registry: DOCKERFILEGEN_TEST_REGISTRY and DOCKERFILEGEN_TEST_REGISTRY_STORAGE are not set (eval \"$(bash tests/DockerfileGen.Engine.Tests/registry.sh)\" starts one)"
        : null;

    /// <summary>Every blob the registry stores (layers, configs and manifests alike): digest → size in bytes.</summary>
    public static Dictionary<string, long> Blobs()
    {
        var root = Path.Combine(Storage, "docker", "registry", "v2", "blobs");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "data", SearchOption.AllDirectories).ToDictionary(DigestOf, file => new FileInfo(file).Length)
            : new Dictionary<string, long>();
    }

    // blobs/sha256/d7/d7e2…/data: the algorithm two folders above the blob's own folder, which is named by its hex digest.
    private static string DigestOf(string dataFile)
    {
        var blob = Path.GetDirectoryName(dataFile)!;
        return Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(blob)!)!) + ":" + Path.GetFileName(blob);
    }

    /// <summary>The manifest the registry serves for <paramref name="repository"/>:<paramref name="tag"/>: its digest, its config's and its layers' (compressed) digests and sizes.</summary>
    public static RegistryManifest Manifest(string repository, string tag)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{Address}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
        using var response = client.Send(request);
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"GET manifest {repository}:{tag} from {Address}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var layers = json.RootElement.GetProperty("layers").EnumerateArray()
            .Select(layer => (layer.GetProperty("digest").GetString()!, layer.GetProperty("size").GetInt64())).ToList();
        return new RegistryManifest(
            response.Headers.GetValues("Docker-Content-Digest").Single(),
            json.RootElement.GetProperty("config").GetProperty("digest").GetString()!,
            layers);
    }
}

/// <summary>An image manifest as the registry stores it.</summary>
public sealed record RegistryManifest(string Digest, string ConfigDigest, IReadOnlyList<(string Digest, long Size)> Layers);
