using System;

namespace DockerfileGen.Images;

/// <summary>
/// An image reference as Docker resolves it, <c>[registry/]repository[:tag][@digest]</c> with Docker Hub's defaults
/// filled in, for rules that read any <c>FROM</c> (<see cref="ImageReference"/> is the strict form generation writes;
/// both read references through <see cref="ImageReference.Split"/>).
/// </summary>
/// <param name="Registry">The registry host; <c>docker.io</c> when none is written.</param>
/// <param name="Repository">The repository path; Docker Hub's official images get <c>library/</c>.</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The digest (<c>sha256:…</c>), or null.</param>
public sealed record ImageName(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Docker Hub's registry name.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>Reads any reference, as written in a <c>FROM</c>, without judging its parts.</summary>
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
