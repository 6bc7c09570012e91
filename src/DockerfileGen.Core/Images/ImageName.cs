using System;

namespace DockerfileGen.Images;

/// <summary>An image reference split the way Docker reads it: <c>[registry/]repository[:tag][@digest]</c>.</summary>
/// <param name="Registry">The registry host; <c>docker.io</c> when none is written.</param>
/// <param name="Repository">The repository path; Docker Hub's official images get <c>library/</c>.</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The digest (<c>sha256:…</c>), or null.</param>
public sealed record ImageName(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Docker Hub's registry name.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>Splits a reference. The first path component is a registry when it has a '.' or ':' or is localhost.</summary>
    public static ImageName Parse(string reference)
    {
        var (written, repository, tag, digest) = ImageReference.Split(reference);
        var registry = written.Length == 0 ? DockerHub : written;
        if (registry == DockerHub && repository.IndexOf('/') < 0)
        {
            repository = "library/" + repository;
        }

        if (string.Equals(registry, "index.docker.io", StringComparison.OrdinalIgnoreCase) || string.Equals(registry, "registry-1.docker.io", StringComparison.OrdinalIgnoreCase))
        {
            registry = DockerHub;
        }

        return new ImageName(registry.ToLowerInvariant(), repository, tag, digest);
    }
}
